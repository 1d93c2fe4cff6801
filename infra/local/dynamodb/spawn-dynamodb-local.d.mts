import type { ChildProcess } from 'node:child_process'

export interface SpawnOptions {
  /** Port to listen on; a free one when absent. */
  port?: number
  /** Persist under this directory; in memory when absent (tests). */
  dbPath?: string
  /** Java heap cap; DynamoDB Local runs comfortably in 192 MB for tests. */
  maxHeap?: string
  /** C1 only: a faster boot, slower over a long run (`npm start`'s launcher only). */
  quickBoot?: boolean
  /** More JVM options, before `-jar` (the test projects' GC and compiler choices). */
  jvmFlags?: string[]
  /**
   * Java ignores SIGINT and SIGHUP, so that a terminal's Ctrl-C (sent to the whole process
   * group) leaves it to the platform, which stops it last (`npm start`, `main.ts`).
   */
  ignoreTerminalSignals?: boolean
}

/** A JVM spawned, not yet known to answer. */
export interface SpawnedDynamoDbLocal {
  child: ChildProcess
  port: number
  endpoint: string
  /** Rejects when `java` could not be spawned at all. */
  spawnFailed: Promise<never>
  /** The last 2,000 characters Java wrote to stderr. */
  stderr: () => string
  /** The JVM writes its class-data archive when it exits (the first `npm start`; ADR 0041). */
  writesClassArchive: boolean
}

/** Where DynamoDB Local persists under DATA_DIR. */
export declare const dynamodbDataPath: (dataDir: string) => string
export declare const freePort: () => Promise<number>
export declare const spawnDynamoDbLocal: (options?: SpawnOptions) => Promise<SpawnedDynamoDbLocal>
/** The platform's JVM on DATA_DIR's store, after taking the directory's lock (ADR 0055). */
export declare const spawnOnDataDir: (
  dataDir: string,
  options?: { quickBoot?: boolean },
) => Promise<SpawnedDynamoDbLocal>
