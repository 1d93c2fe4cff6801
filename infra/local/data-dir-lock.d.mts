export interface DataDirLock {
  /** Notes the JVM spawned on the directory, so that a start taking over after a kill can stop it. */
  recordJvm: (jvmPid: number | undefined) => void
}

/** Takes `<dataDir>/platform.lock` for this process until it exits, or throws naming its holder. */
export declare const lockDataDir: (dataDir: string) => Promise<DataDirLock>

/** A process's boot and start time (Linux `/proc`), so that a reused pid is told apart; undefined elsewhere. */
export declare const processIdentity: (pid: number) => string | undefined
