/**
 * Task tokens of `.waitForTaskToken` states: one fresh, unguessable token per wait (each
 * Retry attempt and each re-entry after a restart gets a new one). Tokens live in memory:
 * after a restart the waiting state is re-entered and its step is invoked with a new
 * token, so an old token answers `TaskDoesNotExist`, as a used one does on AWS.
 */
import { randomBytes } from 'node:crypto'
import { SfnApiError } from './api-error'
import { STATES_TIMEOUT, stateError } from './state-errors'

interface Waiter {
  executionArn: string
  resolve: (output: unknown) => void
  reject: (error: Error) => void
}

export interface IssuedToken {
  token: string
  /** Settles with the output of SendTaskSuccess, or rejects with the error of SendTaskFailure or a timeout. */
  outcome: Promise<unknown>
}

export interface TaskTokens {
  issue(executionArn: string): IssuedToken
  succeed(token: string, output: unknown): void
  fail(token: string, error: string, cause: string): void
  heartbeat(token: string): void
  /** The state timed out: the wait fails with States.Timeout and later calls answer TaskTimedOut. */
  timeOut(token: string): void
  /** Rejects and forgets every wait of an execution (stopped, or the service is stopping). */
  releaseExecution(executionArn: string, reason: Error): void
}

const TOKEN_BYTES = 48
const tokenShape = /^[A-Za-z0-9_-]{64}$/
/** Remembered outcomes of closed tokens, to answer TaskTimedOut rather than TaskDoesNotExist; bounded. */
const REMEMBERED_CLOSED_TOKENS = 10_000

export const createTaskTokens = (): TaskTokens => {
  const open = new Map<string, Waiter>()
  const timedOut = new Set<string>()

  const take = (token: string): Waiter => {
    if (!tokenShape.test(token)) throw new SfnApiError('InvalidToken', 'Invalid token')
    const waiter = open.get(token)
    if (waiter) {
      open.delete(token)
      return waiter
    }
    if (timedOut.has(token)) throw new SfnApiError('TaskTimedOut', 'Task Timed Out')
    throw new SfnApiError('TaskDoesNotExist', 'Task does not exist anymore')
  }

  return {
    issue(executionArn) {
      const token = randomBytes(TOKEN_BYTES).toString('base64url')
      const outcome = new Promise<unknown>((resolve, reject) => open.set(token, { executionArn, resolve, reject }))
      return { token, outcome }
    },
    succeed(token, output) {
      take(token).resolve(output)
    },
    fail(token, error, cause) {
      take(token).reject(stateError(error, cause))
    },
    heartbeat(token) {
      // Validates only: HeartbeatSeconds is not enforced locally (the library does not support it).
      if (!open.has(token)) take(token)
    },
    timeOut(token) {
      const waiter = open.get(token)
      if (!waiter) return
      open.delete(token)
      timedOut.add(token)
      if (timedOut.size > REMEMBERED_CLOSED_TOKENS) {
        const [oldest] = timedOut
        if (oldest !== undefined) timedOut.delete(oldest)
      }
      waiter.reject(stateError(STATES_TIMEOUT, 'The task timed out'))
    },
    releaseExecution(executionArn, reason) {
      for (const [token, waiter] of open) {
        if (waiter.executionArn !== executionArn) continue
        open.delete(token)
        waiter.reject(reason)
      }
    },
  }
}
