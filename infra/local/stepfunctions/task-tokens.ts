/**
 * Task tokens of `.waitForTaskToken` states: one fresh, unguessable token per wait (each
 * Retry attempt and each re-entry after a restart gets a new one). Tokens live in memory:
 * after a restart the waiting state is re-entered and its step is invoked with a new
 * token, so an old token answers `TaskDoesNotExist`, as a used one does on AWS.
 */
import { randomBytes } from 'node:crypto'
import { SfnApiError } from './api-error'
import { stateError } from './state-errors'

export interface IssuedToken {
  token: string
  /** Settles with the output of SendTaskSuccess, or rejects with the error of SendTaskFailure. */
  outcome: Promise<unknown>
}

export interface TaskTokens {
  /** A token for a wait of an execution of `stateMachineArn`. */
  issue(stateMachineArn?: string): IssuedToken
  /** The state machine whose execution an open token belongs to (local IAM authorises SendTask* on it). */
  ownerOf(token: string): string | undefined
  succeed(token: string, output: unknown): void
  fail(token: string, error: string, cause: string): void
  /** Validates the token only: HeartbeatSeconds is not enforced locally (the library does not support it). */
  heartbeat(token: string): void
  /** The wait ended otherwise (timeout, stop, failed invocation): the token stops working. */
  close(token: string, reason: { timedOut: boolean }): void
}

const TOKEN_BYTES = 48
const tokenShape = /^[A-Za-z0-9_-]{64}$/
/** Timed-out tokens are remembered (boundedly) to answer TaskTimedOut rather than TaskDoesNotExist. */
const REMEMBERED_TIMED_OUT_TOKENS = 10_000

export const createTaskTokens = (): TaskTokens => {
  const open = new Map<
    string,
    { resolve: (output: unknown) => void; reject: (error: Error) => void; owner: string | undefined }
  >()
  const timedOut = new Set<string>()

  const find = (token: string) => {
    if (!tokenShape.test(token)) throw new SfnApiError('InvalidToken', 'Invalid token')
    const waiter = open.get(token)
    if (waiter) return waiter
    if (timedOut.has(token)) throw new SfnApiError('TaskTimedOut', 'Task Timed Out')
    throw new SfnApiError('TaskDoesNotExist', 'Task does not exist anymore')
  }

  const take = (token: string) => {
    const waiter = find(token)
    open.delete(token)
    return waiter
  }

  return {
    issue(stateMachineArn) {
      const token = randomBytes(TOKEN_BYTES).toString('base64url')
      const outcome = new Promise<unknown>((resolve, reject) =>
        open.set(token, { resolve, reject, owner: stateMachineArn }),
      )
      // A step may settle its own token before its invocation returns and the state awaits the
      // outcome; marking it handled keeps that from being reported as an unhandled rejection.
      outcome.catch(() => undefined)
      return { token, outcome }
    },
    ownerOf(token) {
      return open.get(token)?.owner
    },
    succeed(token, output) {
      take(token).resolve(output)
    },
    fail(token, error, cause) {
      take(token).reject(stateError(error, cause))
    },
    heartbeat(token) {
      find(token)
    },
    close(token, { timedOut: hasTimedOut }) {
      if (!open.delete(token) || !hasTimedOut) return
      timedOut.add(token)
      const [oldest] = timedOut
      if (timedOut.size > REMEMBERED_TIMED_OUT_TOKENS && oldest !== undefined) timedOut.delete(oldest)
    },
  }
}
