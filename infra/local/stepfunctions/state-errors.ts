/**
 * Errors handed to the library from task handlers. The library matches `Retry` and
 * `Catch` on `error.name` and puts `error.message` in the caught `Cause`; it reads
 * `isRetryable`/`isCatchable` (defaulting to true) to let some errors end the run.
 */
export const STATES_TIMEOUT = 'States.Timeout'

export const stateError = (name: string, cause: string): Error => {
  const error = new Error(cause)
  error.name = name
  return error
}

/** Fails the execution past any Retry or Catch, as `States.Runtime` does on AWS. */
export const runtimeError = (cause: string): Error =>
  Object.assign(stateError('States.Runtime', cause), { isRetryable: false, isCatchable: false })

/** The run was stopped (StopExecution or service shutdown): no step may run again in it. */
export const runEndedError = (): Error => runtimeError('the execution is no longer running in this process')

/**
 * A state's input or output over the 256 KiB quota: the execution fails, past any Retry
 * and Catch (AWS: a terminal error that `States.ALL` does not catch).
 */
export const dataLimitExceeded = (cause: string): Error =>
  Object.assign(stateError('States.DataLimitExceeded', cause), { isRetryable: false, isCatchable: false })
