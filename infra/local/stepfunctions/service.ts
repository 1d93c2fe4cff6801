/**
 * The local Step Functions service (DESIGN §2 "Local platform" 3–4): the AWS JSON 1.0
 * operations the system uses, over the real ASL run by `aws-local-stepfunctions`, with
 * waits, task tokens and timeouts on the project clock, executions checkpointed in
 * DynamoDB and resumed after a restart.
 *
 * What `await advanceClock(s)` guarantees once it returns: every Wait, task timeout and
 * execution timeout due at the new time has fired, and every execution has then moved on
 * until it is finished or parked again — on a task token, on a timer not yet due, or in a
 * Retry back-off (those run in real time, inside the library). States entered because of
 * the jump start their own relative timers (`Seconds`) from the new time; absolute ones
 * (`Timestamp`) already past fire at once.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { onClockAdvance } from '../../../functions/shared/clock'
import { awsLimits } from '../limits/aws-limits'
import { createActivity } from './activity'
import { SfnApiError } from './api-error'
import type { Body, Operations } from './api-fields'
import { LOCAL_ARN_SCOPE } from './arns'
import { createCheckpointStore } from './checkpoint-store'
import type { ValidatedDefinitions } from './definition-check'
import { executionOperations } from './execution-operations'
import { createExecutionRuns, type ExecutionRunsDeps } from './execution-runs'
import type { LocalLambda } from './lambda-invoke'
import { createMachineRegistry, type StateMachineDefinition } from './machine-registry'
import { stateMachineOperations } from './state-machine-operations'
import type { StateLimits } from './task-handlers'
import { taskTokenOperations } from './task-token-operations'
import { createTaskTokens } from './task-tokens'
import { createClockTimers } from './timers'

export type { LocalLambda } from './lambda-invoke'

export interface LocalStepFunctionsOptions {
  /** Checkpoints, execution records and history go to the main table. */
  dynamo: DynamoDBDocumentClient
  tableName: string
  /** Local Lambda handlers keyed by function ARN (what `FunctionName` resolves to). */
  lambdas: Record<string, LocalLambda>
  region?: string
  accountId?: string
  logger?: { info(...a: unknown[]): void; error(...a: unknown[]): void }
  /** Step Functions' quotas (infra/local/limits); AWS's own by default. */
  limits?: Partial<StateLimits>
  /**
   * Definitions already validated (by the hash of their text), e.g. kept in DATA_DIR
   * between starts: asl-validator's schema compilation was a quarter of a warm start's CPU.
   */
  validated?: ValidatedDefinitions
  /**
   * A Retry's back-off runs in real time inside the library (1 s, 2 s, 4 s for the steps'
   * Lambda retries): tests of a step failing after its retries set it to a few ms, so the
   * same attempts happen without the idle seconds. AWS's intervals when unset.
   */
  retryIntervalMs?: number
}

export interface LocalStepFunctions {
  /** Registers (or replaces) a state machine from raw ASL text with `${…}` placeholders; returns its ARN. */
  registerStateMachine(def: StateMachineDefinition): string
  /** One AWS JSON 1.0 call, e.g. `AWSStepFunctions.StartExecution`; errors are 400 `{__type, message}`. */
  handle(target: string, body: unknown): Promise<{ status: number; body: unknown }>
  /** After a restart: resumes every RUNNING execution from its checkpoint. */
  resume(): Promise<void>
  /** The state machine of an open task token (undefined when the token is unknown or closed). */
  taskTokenOwner(token: string): string | undefined
  /** Settles once no state is actively running (every execution finished or parked). */
  idle(): Promise<void>
  /** Stops timers and runs without closing their executions, so a later `resume()` continues them. */
  stop(): Promise<void>
}

const TARGET_PREFIX = 'AWSStepFunctions.'

export const createLocalStepFunctions = (o: LocalStepFunctionsOptions): LocalStepFunctions => {
  const scope = {
    region: o.region ?? LOCAL_ARN_SCOPE.region,
    accountId: o.accountId ?? LOCAL_ARN_SCOPE.accountId,
  }
  const logger = o.logger ?? { info: () => undefined, error: (...a: unknown[]) => console.error(...a) }
  const store = createCheckpointStore(o.dynamo, o.tableName)
  const activity = createActivity()
  const timers = createClockTimers()
  const tokens = createTaskTokens()
  const deps: ExecutionRunsDeps = {
    lambdas: o.lambdas,
    scope,
    tokens,
    timers,
    activity,
    store,
    roleArn: `arn:aws:iam::${scope.accountId}:role/local-stepfunctions`,
    logger,
    retryIntervalMs: o.retryIntervalMs,
    limits: {
      stateMaxPayloadBytes: o.limits?.stateMaxPayloadBytes ?? awsLimits.stateMaxPayloadBytes,
      executionMaxHistoryEvents: o.limits?.executionMaxHistoryEvents ?? awsLimits.executionMaxHistoryEvents,
    },
  }
  const machines = createMachineRegistry(scope, o.validated)
  const runs = createExecutionRuns(deps)

  const operations: Operations = {
    ...executionOperations({ machines, runs, store, scope, roleArn: deps.roleArn }),
    ...stateMachineOperations(machines, deps.roleArn),
    ...taskTokenOperations(tokens),
  }

  const unlistenClock = onClockAdvance(async () => {
    timers.fireDue()
    await activity.idle()
  })

  return {
    registerStateMachine: (def) => machines.register(def),

    async handle(target, body) {
      const operation = target.startsWith(TARGET_PREFIX)
        ? operations[target.slice(TARGET_PREFIX.length)]
        : undefined
      if (!operation) {
        return {
          status: 400,
          body: { __type: 'UnknownOperationException', message: `Unknown operation ${target}` },
        }
      }
      try {
        const request = typeof body === 'object' && body !== null ? (body as Body) : {}
        return { status: 200, body: await activity.track(operation(request)) }
      } catch (error) {
        if (error instanceof SfnApiError)
          return { status: 400, body: { __type: error.type, message: error.message } }
        logger.error('local Step Functions operation failed', target, error)
        return { status: 500, body: { __type: 'InternalFailure', message: 'internal error' } }
      }
    },

    resume: () => runs.resume(machines.find),

    taskTokenOwner: (token) => tokens.ownerOf(token),

    idle: () => activity.idle(),

    async stop() {
      if (!runs.halt()) return
      unlistenClock()
      timers.stop()
      await runs.shutdown()
      await activity.idle()
    },
  }
}
