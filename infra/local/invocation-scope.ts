/**
 * Per-invocation state for the one process that runs every local function. On AWS each
 * invocation has its environment to itself (or, on Lambda Managed Instances, its own
 * `InvokeStore` context); locally HTTP requests and workflow steps interleave, and
 * Powertools' logger would mix their keys (one request's `resetKeys` wiping a step's
 * `caseId`). Turning on the runtime's concurrent mode (`AWS_LAMBDA_MAX_CONCURRENCY`
 * and an `InvokeStore` backed by AsyncLocalStorage) gives each local invocation its own
 * log keys and Lambda context, as AWS does (ADR 0024).
 */
import { InvokeStore } from '@aws/lambda-invoke-store'

const store = await InvokeStore.getInstanceAsync(true)
// Concurrent mode is announced only once the store is on `globalThis`: modules that do not
// import this one are evaluated while it awaits (ESM top-level await), and Powertools
// (e.g. `new Metrics()` at load) throws "InvokeStore is not available" when the variable
// is set but the store is not there yet — that broke `npm start`.
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= '1000'

/** Runs one invocation in a context of its own. */
export const inInvocationScope = <T>(invocation: () => T): T => store.run({}, invocation)
