/**
 * When a test worker moves to a fresh DynamoDB Local (ADR 0054), apart from how a JVM is
 * started or stopped (worker-jvm.ts), so that the sequence can be tested without JVMs.
 *
 * After its `limit`-th file on the current JVM the worker switches; the next JVM is started
 * during that last file (its boot overlaps the tests) and must answer before the switch: a
 * JVM that failed to start is reported, the worker stays on the JVM it has, and the next
 * file starts another try. The slot's first JVM is not the worker's: it is never stopped
 * here.
 */
export interface RotatingJvm {
  endpoint: string
  /** Resolves once it answers; rejects with why it did not. */
  answered: Promise<unknown>
}

export interface JvmRotationOptions<J extends RotatingJvm> {
  /** Files per JVM; 0 never switches. */
  limit: number
  start: () => Promise<J>
  stop: (jvm: J) => Promise<void>
  warn: (message: string) => void
}

export interface JvmRotation<J extends RotatingJvm> {
  /** The worker's own JVM once it has switched; before that the slot's (undefined here). */
  current: () => J | undefined
  /** After each file: counts it, starts the next JVM during the last file, switches after it. */
  afterFile: () => Promise<void>
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

export const createJvmRotation = <J extends RotatingJvm>(options: JvmRotationOptions<J>): JvmRotation<J> => {
  let current: J | undefined
  let spare: Promise<J | undefined> | undefined
  let files = 0
  const failed = (error: unknown) => {
    options.warn(
      `the worker's fresh DynamoDB Local (ADR 0054) did not start, staying on the current one: ${reason(error)}`,
    )
    return undefined
  }
  const startSpare = (): Promise<J | undefined> =>
    options.start().then(async (jvm) => {
      try {
        await jvm.answered
        return jvm
      } catch (error) {
        await options.stop(jvm)
        return failed(error)
      }
    }, failed)
  return {
    current: () => current,
    afterFile: async () => {
      if (options.limit === 0) return
      files += 1
      if (files >= options.limit - 1) spare ??= startSpare()
      if (files < options.limit || !spare) return
      const next = await spare
      spare = undefined
      // Not started: stay, and try again during the next file.
      if (!next) return
      const retiring = current
      current = next
      files = 0
      if (retiring) await options.stop(retiring)
    },
  }
}
