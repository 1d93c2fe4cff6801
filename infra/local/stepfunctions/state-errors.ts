/**
 * Errors handed to the library from task handlers. The library matches `Retry` and
 * `Catch` on `error.name` and puts `error.message` in the caught `Cause`; it reads
 * `isRetryable`/`isCatchable` (defaulting to true) to let some errors end the run.
 */
export const stateError = (name: string, cause: string): Error => {
  const error = new Error(cause)
  error.name = name
  return error
}

/** Ends the run without Retry or Catch: used once an execution is stopped, so no step runs again. */
export const runEndedError = (): Error =>
  Object.assign(stateError('States.Runtime', 'the execution is no longer running here'), {
    isRetryable: false,
    isCatchable: false,
  })

export const STATES_TIMEOUT = 'States.Timeout'
