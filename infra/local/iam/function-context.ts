/**
 * Which local function is running. On AWS each function is its own process with its own
 * role; locally every handler shares one process and one set of SDK clients, so the
 * gateway, the step runner and the local jobs name the function around each invocation
 * and the IAM middleware reads it from here. Work outside any invocation (the seed, the
 * platform's own bookkeeping, test set-up) runs as no function and is not evaluated.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { inInvocationScope } from '../invocation-scope'

const running = new AsyncLocalStorage<string>()

/** Told of each finished invocation with its wall-clock duration (the cost run meters Lambda with it). */
export type InvocationObserver = (functionName: string, durationMs: number) => void

let observer: InvocationObserver | undefined

/** Sets (or with undefined, removes) the one observer of invocations. */
export const observeInvocations = (next: InvocationObserver | undefined): void => {
  observer = next
}

const observed = <T>(functionName: string, invocation: () => T): T => {
  const seen = observer
  if (!seen) return invocation()
  const started = performance.now()
  const done = () => seen(functionName, performance.now() - started)
  const result = invocation()
  if (result instanceof Promise) return result.finally(done) as T
  done()
  return result
}

/** Runs one invocation of `functionName` (its access-table name, e.g. `pages`, `case-steps`). */
export const runAsFunction = <T>(functionName: string, invocation: () => T): T =>
  inInvocationScope(() => running.run(functionName, () => observed(functionName, invocation)))

/** Runs platform work (not a deployed function) even when called from inside an invocation. */
export const runAsPlatform = <T>(work: () => T): T => running.exit(work)

export const currentFunction = (): string | undefined => running.getStore()
