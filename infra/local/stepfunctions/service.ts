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
import { randomUUID } from 'node:crypto'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { REDRIVE_WINDOW_MS } from '../../../functions/core/attention/attention'
import { nowMs, onClockAdvance } from '../../../functions/shared/clock'
import { createActivity } from './activity'
import { substitute, validateDefinition, type ValidatedDefinitions } from './definition-check'
import { SfnApiError } from './api-error'
import { assertValidName, executionArn, LOCAL_ARN_SCOPE, stateMachineArn } from './arns'
import { createCheckpointStore } from './checkpoint-store'
import type { ExecutionRecord, HistoryEvent } from './journal-types'
import {
  type ActiveRun,
  type RegisteredMachine,
  type RunnerDeps,
  type RunStart,
  startRun,
} from './execution-runner'
import { executionClosedEntry, executionStartedEntry } from './history-events'
import type { LocalLambda } from './lambda-invoke'
import { backgroundTurn } from '../foreground'
import { awsLimits } from '../limits/aws-limits'
import type { StateLimits } from './task-handlers'
import { createTaskTokens } from './task-tokens'
import { withJournalRetries } from './journal-retry'
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
  registerStateMachine(def: {
    name: string
    definition: string
    substitutions?: Record<string, string>
    /**
     * StartExecution answers once the execution is registered in this process, its
     * record and first event written as background work (ADR 0042, fourth pass). Only for
     * a workflow whose own first step records that it started: a start lost before its
     * journal (a crash, a write that kept failing) then leaves its record unmarked, and
     * the start-once policy's next read starts it again.
     */
    answersBeforeJournal?: boolean
  }): string
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
const DEFAULT_HISTORY_PAGE = 100
const MAX_HISTORY_PAGE = 1000

type Body = Record<string, unknown>

const requiredString = (body: Body, field: string): string => {
  const value = body[field]
  if (typeof value !== 'string' || value === '') {
    throw new SfnApiError('ValidationException', `1 validation error detected: '${field}' must not be null`)
  }
  return value
}

const optionalString = (body: Body, field: string): string | undefined => {
  const value = body[field]
  return typeof value === 'string' ? value : undefined
}

const parseJson = (text: string, errorType: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    throw new SfnApiError(errorType, `Invalid JSON: ${text.slice(0, 100)}`)
  }
}

/** AWS JSON carries timestamps as epoch seconds. */
const epochSeconds = (ms: number): number => ms / 1000

const historyPageToken = (lastId: number): string => Buffer.from(String(lastId)).toString('base64url')

const historyPageStart = (token: string | undefined): number | undefined => {
  if (token === undefined) return undefined
  const id = Number(Buffer.from(token, 'base64url').toString())
  if (!Number.isInteger(id) || id < 1) throw new SfnApiError('InvalidToken', 'Invalid nextToken')
  return id
}

const REDRIVABLE: ReadonlySet<string> = new Set(['FAILED', 'TIMED_OUT', 'ABORTED'])
const EXECUTION_STATUSES: ReadonlySet<string> = new Set(['RUNNING', ...REDRIVABLE, 'SUCCEEDED'])
const DEFAULT_LIST_PAGE = 100
const MAX_LIST_PAGE = 1000

/**
 * Why AWS would refuse to redrive the execution now, if it would: it has not failed, or it
 * closed more than 14 days ago (on the project clock, so a test can move past the window).
 */
const redriveRefusal = (record: ExecutionRecord, atMs: number): string | undefined => {
  if (!REDRIVABLE.has(record.status)) return `Execution is ${record.status} and cannot be redriven`
  if (record.stopDateMs !== undefined && atMs - record.stopDateMs > REDRIVE_WINDOW_MS)
    return 'Execution closed more than 14 days ago and cannot be redriven'
  return undefined
}

const redriveFields = (record: ExecutionRecord) => {
  const refusal = redriveRefusal(record, nowMs())
  return {
    redriveCount: record.redriveCount ?? 0,
    ...(record.redriveDateMs === undefined ? {} : { redriveDate: epochSeconds(record.redriveDateMs) }),
    redriveStatus: refusal ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
    ...(refusal ? { redriveStatusReason: refusal } : {}),
  }
}

/** A list page token: the index key to continue from, opaque to the caller. */
const listPageToken = (key: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url')

const listPageStart = (token: string | undefined): Record<string, unknown> | undefined => {
  if (token === undefined) return undefined
  try {
    const key: unknown = JSON.parse(Buffer.from(token, 'base64url').toString())
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key as Record<string, unknown>
  } catch {
    // answered below
  }
  throw new SfnApiError('InvalidToken', 'Invalid nextToken')
}

const pageSize = (body: Body): number =>
  Math.min(
    typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : DEFAULT_LIST_PAGE,
    MAX_LIST_PAGE,
  )

const describe = (record: ExecutionRecord) => ({
  ...redriveFields(record),
  executionArn: record.executionArn,
  stateMachineArn: record.stateMachineArn,
  name: record.name,
  status: record.status,
  startDate: epochSeconds(record.startDateMs),
  input: record.input,
  inputDetails: { included: true },
  ...(record.stopDateMs === undefined ? {} : { stopDate: epochSeconds(record.stopDateMs) }),
  ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
  ...(record.error === undefined ? {} : { error: record.error }),
  ...(record.cause === undefined ? {} : { cause: record.cause }),
})

const historyEvent = ({ id, previousEventId, timestampMs, type, detailsKey, details }: HistoryEvent) => ({
  id,
  previousEventId,
  timestamp: epochSeconds(timestampMs),
  type,
  ...(detailsKey && details ? { [detailsKey]: details } : {}),
})

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
  const deps: RunnerDeps = {
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
  /** With what DescribeStateMachine and ListStateMachines answer. */
  type Machine = RegisteredMachine & { createdMs: number; text: string; answersBeforeJournal: boolean }
  const machines = new Map<string, Machine>()
  const runs = new Map<string, ActiveRun>()
  let stopped = false

  const machineOf = (arn: string): Machine => {
    const machine = machines.get(arn)
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`)
    return machine
  }

  /**
   * Starts answered before their journal (ADR 0042, fourth pass): the write in flight by
   * execution, which every read or change of that execution waits for, so a caller never
   * sees the execution it was told about missing (unless its journal failed for good: then
   * the start-once policy starts it again). Settles, never rejects.
   */
  const journaling = new Map<string, Promise<void>>()
  /** Executions of `answersBeforeJournal` machines started in this process: a second start of one takes the journaled path. */
  const startedHere = new Set<string>()

  const recordOf = async (arn: string): Promise<ExecutionRecord> => {
    await journaling.get(arn)
    const record = await store.get(arn)
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`)
    return record
  }

  /** Where a resumed or redriven run starts: its checkpoint, else the beginning with the execution's input. */
  const startOf = async (record: ExecutionRecord): Promise<Omit<RunStart, 'nextEventId'>> => {
    // A DATA_DIR journaled before the checkpoint item (ADR 0025 addendum) kept it on the record.
    const legacy = record as ExecutionRecord & { currentState?: string; currentInput?: string }
    const checkpoint =
      (await store.checkpointOf(record.executionArn)) ??
      (legacy.currentState !== undefined && legacy.currentInput !== undefined
        ? { state: legacy.currentState, input: legacy.currentInput }
        : undefined)
    return checkpoint
      ? { state: checkpoint.state, input: JSON.parse(checkpoint.input) }
      : { input: JSON.parse(record.input) }
  }

  const run = (machine: RegisteredMachine, record: ExecutionRecord, start: RunStart): void => {
    const active = startRun(deps, machine, record, start)
    runs.set(record.executionArn, active)
    void active.ended
      // A run whose closing could not be written stays RUNNING (resumed at the next start); it never takes the process down.
      .catch((error: unknown) =>
        logger.error('local Step Functions run ended without its closing', record.executionArn, error),
      )
      .finally(() => {
        if (runs.get(record.executionArn) === active) runs.delete(record.executionArn)
      })
  }

  /**
   * Executions StartExecution has recorded whose run waits for its turn: on AWS the first
   * step runs in another Lambda after the caller has its answer, so locally the run starts
   * once no API request is in flight (ADR 0042). A stop meanwhile closes it unrun.
   */
  const pending = new Set<string>()
  const runAfterTurn = (machine: RegisteredMachine, record: ExecutionRecord, start: RunStart): void => {
    pending.add(record.executionArn)
    void activity.track(
      backgroundTurn().then(() => {
        if (pending.delete(record.executionArn) && !stopped) run(machine, record, start)
      }),
    )
  }

  /**
   * Runs a RUNNING execution of the store that no run of this process carries, from its
   * checkpoint as `resume()` does: a start whose journal write landed but whose answer was
   * lost (the retry found the record), or one an earlier process journaled that `resume()`
   * has not reached. Marked pending while it reads, so `resume()`, a second start or a
   * StopExecution meanwhile sees it; a stop meanwhile wins. The start it ran from, if it ran.
   */
  const adopt = async (
    machine: RegisteredMachine,
    record: ExecutionRecord,
    when: 'now' | 'after turn',
  ): Promise<RunStart | undefined> => {
    const arn = record.executionArn
    if (record.status !== 'RUNNING' || runs.has(arn) || pending.has(arn) || stopped) return undefined
    pending.add(arn)
    let start: RunStart
    try {
      start = { ...(await startOf(record)), nextEventId: (await store.lastEventId(arn)) + 1 }
    } catch (error) {
      pending.delete(arn)
      throw error
    }
    if (!pending.delete(arn) || stopped) return undefined
    if (when === 'now') run(machine, record, start)
    else runAfterTurn(machine, record, start)
    return start
  }

  /**
   * Answers a start before its journal (ADR 0042, fourth pass): the record and first
   * event are sent to the store at once, as before, but the caller's answer does not wait
   * for them (on AWS the answer is one hop; locally it was a 2-item transaction on the
   * one DynamoDB Local the intake's own calls queue on). The run starts once they landed
   * and background work has its turn. A start whose journal never lands (the process
   * ended first, or the store kept refusing it) leaves nothing: the workflow's first step
   * never marked its record, so the start-once policy's next read starts it again.
   */
  const startBeforeJournal = (
    machine: RegisteredMachine,
    record: ExecutionRecord,
    firstEvent: HistoryEvent,
    start: RunStart,
  ): void => {
    const arn = record.executionArn
    startedHere.add(arn)
    pending.add(arn)
    const journaled = withJournalRetries(
      () => store.create(record, firstEvent),
      (attempt, error) =>
        logger.error('local Step Functions start journal write failed', arn, attempt, error),
    )
    const settled = journaled.then(
      async (existing) => {
        if (!existing) return
        // Already in the store: this start's own write whose answer was lost (a retry found
        // it), or an earlier process's (a read's retry of a case Identify left unmarked; AWS
        // would have answered ExecutionAlreadyExists, which the start-once policy reads as
        // the same "it runs"). Either way it runs here unless a run already carries it.
        pending.delete(arn)
        try {
          await adopt(machine, existing, 'after turn')
        } catch (error) {
          logger.error(
            'local Step Functions start found the execution journaled but could not run it',
            arn,
            error,
          )
        }
      },
      (error: unknown) => {
        pending.delete(arn)
        startedHere.delete(arn)
        logger.error('local Step Functions start could not be journaled; a later start runs it', arn, error)
      },
    )
    journaling.set(arn, settled)
    void activity.track(
      settled.then(() => {
        journaling.delete(arn)
        // Still pending unless a StopExecution or the service's stop came first.
        if (pending.has(arn)) runAfterTurn(machine, record, start)
      }),
    )
  }

  const startExecution = async (body: Body) => {
    const machine = machineOf(requiredString(body, 'stateMachineArn'))
    const name = optionalString(body, 'name') ?? randomUUID()
    assertValidName(name)
    const input = optionalString(body, 'input') ?? '{}'
    const parsedInput = parseJson(input, 'InvalidExecutionInput')
    const startDateMs = nowMs()
    const record: ExecutionRecord = {
      executionArn: executionArn(scope, machine.name, name),
      stateMachineArn: machine.arn,
      name,
      input,
      status: 'RUNNING',
      startDateMs,
    }
    const firstEvent: HistoryEvent = {
      ...executionStartedEntry(input, deps.roleArn),
      id: 1,
      previousEventId: 0,
      timestampMs: startDateMs,
    }
    const arn = record.executionArn
    if (machine.answersBeforeJournal && !startedHere.has(arn) && !runs.has(arn) && !pending.has(arn)) {
      startBeforeJournal(machine, record, firstEvent, { input: parsedInput, nextEventId: 2 })
      return { executionArn: arn, startDate: epochSeconds(startDateMs) }
    }
    await journaling.get(arn)
    const existing = await store.create(record, firstEvent)
    if (existing) {
      // AWS: the same name and input of a running execution answers that execution again.
      if (existing.status === 'RUNNING' && existing.input === input) {
        // Our own earlier attempt whose answer was lost (the SDK retried): it runs once.
        await adopt(machine, existing, 'after turn')
        return { executionArn: existing.executionArn, startDate: epochSeconds(existing.startDateMs) }
      }
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${record.executionArn}'`)
    }
    runAfterTurn(machine, record, { input: parsedInput, nextEventId: 2 })
    return { executionArn: record.executionArn, startDate: epochSeconds(startDateMs) }
  }

  const stopExecution = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    const record = await recordOf(arn)
    const closing = {
      status: 'ABORTED' as const,
      error: optionalString(body, 'error'),
      cause: optionalString(body, 'cause'),
    }
    pending.delete(arn)
    const active = runs.get(arn)
    if (active) {
      await active.terminate(closing)
    } else if (record.status === 'RUNNING') {
      // Not running in this process (not resumed yet): close it here, with its closing event.
      const id = (await store.lastEventId(arn)) + 1
      const stopDateMs = nowMs()
      await store.close(record, { ...closing, stopDateMs }, [
        { ...executionClosedEntry('ABORTED', closing), id, previousEventId: id - 1, timestampMs: stopDateMs },
      ])
    }
    const closed = await recordOf(arn)
    return { stopDate: epochSeconds(closed.stopDateMs ?? nowMs()) }
  }

  const getExecutionHistory = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    await recordOf(arn)
    const requested =
      typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : DEFAULT_HISTORY_PAGE
    const { events, lastId } = await store.history(arn, {
      reverse: body.reverseOrder === true,
      limit: Math.min(requested, MAX_HISTORY_PAGE),
      afterId: historyPageStart(optionalString(body, 'nextToken')),
    })
    return {
      events: events.map(historyEvent),
      ...(lastId === undefined ? {} : { nextToken: historyPageToken(lastId) }),
    }
  }

  /** AWS redrive: the same execution, from the state it failed in, with that state's saved input. */
  const redriveExecution = async (body: Body) => {
    const arn = requiredString(body, 'executionArn')
    const record = await recordOf(arn)
    const machine = machineOf(record.stateMachineArn)
    const redriveDateMs = nowMs()
    const refusal =
      runs.has(arn) || pending.has(arn)
        ? 'Execution is running and cannot be redriven'
        : redriveRefusal(record, redriveDateMs)
    if (refusal) throw new SfnApiError('ExecutionNotRedrivable', refusal)
    if (!(await store.reopen(record, redriveDateMs))) {
      throw new SfnApiError('ExecutionNotRedrivable', 'Execution changed meanwhile and cannot be redriven')
    }
    const redriveCount = (record.redriveCount ?? 0) + 1
    const id = (await store.lastEventId(arn)) + 1
    await store.appendEvents(arn, [
      {
        type: 'ExecutionRedriven',
        detailsKey: 'executionRedrivenEventDetails',
        details: { redriveCount },
        id,
        previousEventId: id - 1,
        timestampMs: redriveDateMs,
      },
    ])
    run(
      machine,
      { ...record, status: 'RUNNING', redriveCount, redriveDateMs },
      { ...(await startOf(record)), nextEventId: id + 1 },
    )
    return { redriveDate: epochSeconds(redriveDateMs) }
  }

  const listExecutions = async (body: Body) => {
    const stateMachineArn = requiredString(body, 'stateMachineArn')
    machineOf(stateMachineArn)
    const status = optionalString(body, 'statusFilter')
    if (status !== undefined && !EXECUTION_STATUSES.has(status)) {
      throw new SfnApiError(
        'ValidationException',
        `Value '${status}' at 'statusFilter' is not a valid status`,
      )
    }
    await Promise.all(journaling.values())
    const page = await store.list({
      stateMachineArn,
      ...(status === undefined ? {} : { status: status as ExecutionRecord['status'] }),
      limit: pageSize(body),
      startKey: listPageStart(optionalString(body, 'nextToken')),
    })
    return {
      executions: page.records.map((record) => ({
        executionArn: record.executionArn,
        stateMachineArn: record.stateMachineArn,
        name: record.name,
        status: record.status,
        startDate: epochSeconds(record.startDateMs),
        ...(record.stopDateMs === undefined ? {} : { stopDate: epochSeconds(record.stopDateMs) }),
        redriveCount: record.redriveCount ?? 0,
        ...(record.redriveDateMs === undefined ? {} : { redriveDate: epochSeconds(record.redriveDateMs) }),
      })),
      ...(page.nextKey ? { nextToken: listPageToken(page.nextKey) } : {}),
    }
  }

  const listStateMachines = async (body: Body) => {
    const all = [...machines.values()].sort((a, b) => a.name.localeCompare(b.name))
    const from = Number(optionalString(body, 'nextToken') ?? '0')
    if (!Number.isInteger(from) || from < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken')
    const page = all.slice(from, from + pageSize(body))
    const next = from + page.length
    return {
      stateMachines: page.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: epochSeconds(machine.createdMs),
      })),
      ...(next < all.length ? { nextToken: String(next) } : {}),
    }
  }

  const describeStateMachine = async (body: Body) => {
    const machine = machineOf(requiredString(body, 'stateMachineArn'))
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: machine.text,
      roleArn: deps.roleArn,
      type: 'STANDARD',
      creationDate: epochSeconds(machine.createdMs),
    }
  }

  const operations: Record<string, (body: Body) => Promise<unknown>> = {
    RedriveExecution: redriveExecution,
    ListExecutions: listExecutions,
    ListStateMachines: listStateMachines,
    DescribeStateMachine: describeStateMachine,
    StartExecution: startExecution,
    DescribeExecution: async (body) => describe(await recordOf(requiredString(body, 'executionArn'))),
    GetExecutionHistory: getExecutionHistory,
    StopExecution: stopExecution,
    SendTaskSuccess: async (body) => {
      const token = requiredString(body, 'taskToken')
      tokens.succeed(token, parseJson(requiredString(body, 'output'), 'InvalidOutput'))
      return {}
    },
    SendTaskFailure: async (body) => {
      tokens.fail(
        requiredString(body, 'taskToken'),
        optionalString(body, 'error') ?? '',
        optionalString(body, 'cause') ?? '',
      )
      return {}
    },
    SendTaskHeartbeat: async (body) => {
      tokens.heartbeat(requiredString(body, 'taskToken'))
      return {}
    },
  }

  const unlistenClock = onClockAdvance(async () => {
    timers.fireDue()
    await activity.idle()
  })

  return {
    registerStateMachine({ name, definition, substitutions = {}, answersBeforeJournal = false }) {
      assertValidName(name)
      const parsed = validateDefinition(substitute(definition, substitutions), o.validated)
      const arn = stateMachineArn(scope, name)
      machines.set(arn, {
        arn,
        name,
        definition: parsed,
        createdMs: nowMs(),
        text: JSON.stringify(parsed),
        answersBeforeJournal,
      })
      return arn
    },

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

    async resume() {
      for (const listed of await store.running()) {
        // The index is eventually consistent: trust only a consistent read of the record.
        const record = await store.get(listed.executionArn)
        if (record?.status !== 'RUNNING') continue
        // A start answered before its journal may be writing this very record (ADR 0042).
        await journaling.get(record.executionArn)
        const machine = machines.get(record.stateMachineArn)
        if (!machine) {
          logger.error('cannot resume an execution of an unregistered state machine', record.executionArn)
          continue
        }
        const start = await adopt(machine, record, 'now')
        if (start) logger.info('resumed execution', record.executionArn, 'at', start.state)
      }
    },

    taskTokenOwner: (token) => tokens.ownerOf(token),

    idle: () => activity.idle(),

    async stop() {
      if (stopped) return
      stopped = true
      // Recorded but not yet run: they stay RUNNING and the next start resumes them.
      pending.clear()
      unlistenClock()
      timers.stop()
      await Promise.all([...runs.values()].map((active) => active.shutdown()))
      await activity.idle()
    },
  }
}
