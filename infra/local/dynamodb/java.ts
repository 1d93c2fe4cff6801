import { spawnSync } from 'node:child_process'

/** DynamoDB Local 3.x needs Java 17 or newer. */
export const MIN_JAVA_MAJOR = 17

/** Reads the major version from `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export const parseJavaMajor = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput)
  if (!match?.[1]) return undefined
  const first = Number(match[1])
  return first === 1 && match[2] ? Number(match[2]) : first
}

/** Fails with one clear line when Java is missing or too old, before anything else starts. */
export const assertJava = (javaCommand = 'java'): void => {
  const result = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' })
  const hint = 'install it with: sudo apt-get install -y openjdk-17-jre-headless'
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+, but "${javaCommand}" was not found; ${hint}`,
    )
  }
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`)
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new Error(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+, found ${major ?? 'an unknown version'}; ${hint}`,
    )
  }
}
