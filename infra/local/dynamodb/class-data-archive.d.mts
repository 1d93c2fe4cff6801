import type { ChildProcess } from 'node:child_process'

/** The JVM arguments replacing `-jar DynamoDBLocal.jar`, or undefined for a plain start (ADR 0041). */
export declare const classDataSharing: (
  jarDirectory: string,
) => { args: string[]; dumping: boolean; afterExit: (child: ChildProcess) => void } | undefined

export declare const internals: {
  /** Renames a jar's manifest entry in place and returns the manifest's text. */
  hideManifest: (jarPath: string) => string
  manifestAttributes: (text: string) => Map<string, string>
}
