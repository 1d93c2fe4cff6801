/**
 * The local handlers of one run (the library's `taskResourceLocalHandlers`, keyed by state
 * name): Lambda tasks, `.waitForTaskToken` waits and rewritten Wait states, each bounded
 * by its TimeoutSeconds on the project clock and ended at once when the run is stopped.
 */
import type { RunOptions } from 'aws-local-stepfunctions'
import { nowMs } from '../../../functions/shared/clock'
import type { Activity } from './activity'
import type { ArnScope } from './arns'
import { invokeFunction, type LocalLambda, lambdaInvokeResponse } from './lambda-invoke'
import { LOCAL_WAIT_RESOURCE, type LocalTaskEnvelope } from './rewrite-definition'
import { type AwsLimits, jsonBytes } from '../limits/aws-limits'
import { dataLimitExceeded, runEndedError, runtimeError, STATES_TIMEOUT, stateError } from './state-errors'
import type { TaskTokens } from './task-tokens'
import type { ClockTimers } from './timers'

/**
 * What `$$.Task.Token` resolves to in the library (it only knows a static context object);
 * each wait replaces it in the payload with a fresh token.
 */
export const TASK_TOKEN_PLACEHOLDER = '__local_sfn_task_token__'

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke'
const LAMBDA_INVOKE_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken'
const LAMBDA_FUNCTION_ARN = /^arn:aws:lambda:[^:]+:[^:]+:function:/

export type StateLimits = Pick<AwsLimits, 'stateMaxPayloadBytes' | 'executionMaxHistoryEvents'>

export interface TaskHandlerDeps {
  limits: StateLimits
  lambdas: Readonly<Record<string, LocalLambda>>
  scope: ArnScope
  tokens: TaskTokens
  timers: ClockTimers
  activity: Activity
}

export type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>
type LocalHandler = LocalHandlers[string]
type JsonValue = Awaited<ReturnType<LocalHandler>>

type EndReason = 'settled' | 'timedOut' | 'stopped'
/** Registers what to undo when the state's wait ends, however it ends. */
type OnEnd = (hook: (reason: EndReason) => void) => void

const withToken = (value: unknown, token: string): unknown => {
  if (typeof value === 'string') return value.replaceAll(TASK_TOKEN_PLACEHOLDER, token)
  if (Array.isArray(value)) return value.map((item) => withToken(item, token))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]))
  }
  return value
}

const positiveInteger = (value: unknown, field: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw runtimeError(`${field} must be a positive integer, got ${JSON.stringify(value)}`)
  }
  return value
}

const dueMsOf = (envelope: LocalTaskEnvelope): number => {
  if (envelope.waitUntil !== undefined) {
    const due = typeof envelope.waitUntil === 'string' ? Date.parse(envelope.waitUntil) : Number.NaN
    if (Number.isNaN(due))
      throw runtimeError(`Wait Timestamp is not a timestamp: ${JSON.stringify(envelope.waitUntil)}`)
    return due
  }
  const seconds = envelope.waitSeconds
  if (typeof seconds !== 'number' || seconds < 0) {
    throw runtimeError(`Wait Seconds must be a non-negative number, got ${JSON.stringify(seconds)}`)
  }
  return nowMs() + seconds * 1000
}

export const createTaskHandlers = (
  deps: TaskHandlerDeps,
  resources: ReadonlyMap<string, string>,
  run: { signal: AbortSignal; stateMachineArn: string },
): LocalHandlers => {
  const invoke = (functionName: unknown, payload: unknown) =>
    deps.activity.track(invokeFunction(deps.lambdas, deps.scope, String(functionName), payload))

  const waitOnClock = (envelope: LocalTaskEnvelope, onEnd: OnEnd): Promise<unknown> => {
    const dueMs = dueMsOf(envelope)
    if (dueMs <= nowMs()) return Promise.resolve(envelope.input)
    return new Promise((resolve) => onEnd(deps.timers.schedule(dueMs, () => resolve(envelope.input))))
  }

  const waitForTaskToken = async (input: Record<string, unknown>, onEnd: OnEnd): Promise<unknown> => {
    const { token, outcome } = deps.tokens.issue(run.stateMachineArn)
    onEnd((reason) => deps.tokens.close(token, { timedOut: reason === 'timedOut' }))
    await invoke(input.FunctionName, withToken(input.Payload, token))
    return outcome
  }

  const perform = async (resource: string, envelope: LocalTaskEnvelope, onEnd: OnEnd): Promise<unknown> => {
    const input = (envelope.input ?? {}) as Record<string, unknown>
    if (resource === LOCAL_WAIT_RESOURCE) return waitOnClock(envelope, onEnd)
    if (resource === LAMBDA_INVOKE)
      return lambdaInvokeResponse(await invoke(input.FunctionName, input.Payload))
    if (resource === LAMBDA_INVOKE_WAIT) return waitForTaskToken(input, onEnd)
    if (LAMBDA_FUNCTION_ARN.test(resource)) return invoke(resource, envelope.input)
    throw runtimeError(`resource ${resource} is not supported by the local Step Functions service`)
  }

  /** Step Functions' state payload quota, on what the task receives and what it returns. */
  const withinPayloadLimit = (value: unknown, what: string): unknown => {
    const bytes = jsonBytes(value)
    if (bytes > deps.limits.stateMaxPayloadBytes) {
      throw dataLimitExceeded(
        `The state/task ${what} of ${bytes} bytes exceeds the maximum of ${deps.limits.stateMaxPayloadBytes} bytes.`,
      )
    }
    return value
  }

  /** Runs one attempt of a state: ends with its result, its error, its timeout, or the run's stop. */
  const attempt = async (resource: string, envelope: LocalTaskEnvelope): Promise<unknown> => {
    if (run.signal.aborted) throw runEndedError()
    withinPayloadLimit(envelope.input, 'input')
    const hooks: ((reason: EndReason) => void)[] = []
    let reason: EndReason = 'settled'
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const stop = () => {
          reason = 'stopped'
          reject(runEndedError())
        }
        run.signal.addEventListener('abort', stop, { once: true })
        hooks.push(() => run.signal.removeEventListener('abort', stop))
        if (envelope.timeoutSeconds !== undefined) {
          const dueMs = nowMs() + positiveInteger(envelope.timeoutSeconds, 'TimeoutSeconds') * 1000
          hooks.push(
            deps.timers.schedule(dueMs, () => {
              reason = 'timedOut'
              reject(stateError(STATES_TIMEOUT, 'The state timed out'))
            }),
          )
        }
        perform(resource, envelope, (hook) => hooks.push(hook))
          .then((result) => withinPayloadLimit(result, 'result'))
          .then(resolve, reject)
      })
    } finally {
      for (const hook of hooks) hook(reason)
    }
  }

  return Object.fromEntries(
    [...resources].map(([stateName, resource]): [string, LocalHandler] => [
      stateName,
      async (envelope) => (await attempt(resource, envelope as unknown as LocalTaskEnvelope)) as JsonValue,
    ]),
  )
}
