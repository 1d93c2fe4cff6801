/**
 * Rewrites an ASL definition, in memory, into the one `aws-local-stepfunctions` runs, so
 * that time is never in the library's hands:
 *
 * - a Task's `TimeoutSeconds`/`TimeoutSecondsPath` move into its Parameters envelope and
 *   are enforced by our handler on the project clock; the library only sees a timeout at
 *   the ceiling of Node timers (it defaults to 60 s otherwise, and overflows past 24.8
 *   days so that 30 days would fire after a few milliseconds);
 * - a `Wait` becomes a Task on a local resource whose handler resolves when the project
 *   clock reaches the due time (its duration fields move into the envelope, evaluated by
 *   the library against the effective input exactly where AWS evaluates them);
 * - the execution's top-level `TimeoutSeconds` is taken out and enforced by the service;
 * - `$$.Execution.Input` and `$$.Execution.StartTime` read fields of our own: the library
 *   sets those two to the input and wall-clock start of each run it starts, which is wrong
 *   for a resumed run and inside every Map iteration.
 *
 * Every Task and rewritten Wait receives a `LocalTaskEnvelope` (its original effective
 * input under `input`). The rewrite recurses into Map processors and Parallel branches.
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions'

/** The resource the rewritten Wait states run on; handled by the service, never by AWS. */
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::local:wait'

/** Largest timeout (s) the library's `setTimeout` accepts without overflowing (2^31−1 ms). */
export const LIBRARY_TIMEOUT_CEILING_SECONDS = 2_147_483

/** What a rewritten Task or Wait state hands to its local handler. */
export interface LocalTaskEnvelope {
  /** The effective input of the original state: its Parameters applied, or its input after InputPath. */
  input: unknown
  timeoutSeconds?: unknown
  waitSeconds?: unknown
  waitUntil?: unknown
}

export interface PreparedDefinition {
  /** What the library runs. */
  definition: StateMachineDefinition
  /** The resource of every Task and rewritten Wait, by state name, across nested branches. */
  resources: ReadonlyMap<string, string>
  /** The original type of every state by name (a rewritten Wait is still a Wait in the history). */
  stateTypes: ReadonlyMap<string, string>
  /** Names of the top-level states: the only ones checkpointed (a Map or Parallel resumes whole). */
  topLevelStates: ReadonlySet<string>
  /** The execution's own `TimeoutSeconds`, enforced on the project clock. */
  executionTimeoutSeconds?: number
}

type AslObject = Record<string, unknown>

/** The context object's `Execution` fields that stand for `Input` and `StartTime` in the rewritten definition. */
export const executionContextFields = (input: unknown, startTimeIso: string) => ({
  OriginalInput: input,
  OriginalStartTime: startTimeIso,
})

const pinExecutionFields = (definition: object): AslObject =>
  JSON.parse(
    JSON.stringify(definition).replace(/\$\$\.Execution\.(Input|StartTime)\b/g, '$$$$.Execution.Original$1'),
  )

const isObject = (value: unknown): value is AslObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const statesOf = (machine: AslObject): AslObject => {
  if (!isObject(machine.States)) throw new Error('state machine definition has no States object')
  return machine.States
}

/** `"x.$": "$$.State.Name"` becomes the literal name: the library's context object has no `State`. */
const resolveStateName = (template: unknown, stateName: string): unknown => {
  if (Array.isArray(template)) return template.map((item) => resolveStateName(item, stateName))
  if (!isObject(template)) return template
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$') && value === '$$.State.Name'
        ? [key.slice(0, -2), stateName]
        : [key, resolveStateName(value, stateName)],
    ),
  )
}

/** Builds the envelope template: the original input under `input`, plus fields evaluated by the library. */
const envelope = (parameters: unknown, extra: AslObject): AslObject => ({
  ...(parameters === undefined ? { 'input.$': '$' } : { input: parameters }),
  ...extra,
})

/** `{ Field: 5 }` → `{ key: 5 }`, `{ FieldPath: '$.x' }` → `{ 'key.$': '$.x' }`. */
const fieldOrPath = (state: AslObject, field: string, key: string): AslObject => {
  if (state[field] !== undefined) return { [key]: state[field] }
  if (state[`${field}Path`] !== undefined) return { [`${key}.$`]: state[`${field}Path`] }
  return {}
}

const rewriteTask = (name: string, state: AslObject): AslObject => {
  const {
    TimeoutSeconds: _timeout,
    TimeoutSecondsPath: _timeoutPath,
    HeartbeatSeconds: _heartbeat,
    HeartbeatSecondsPath: _heartbeatPath,
    Parameters,
    ...rest
  } = state
  return {
    ...rest,
    TimeoutSeconds: LIBRARY_TIMEOUT_CEILING_SECONDS,
    Parameters: envelope(
      Parameters === undefined ? undefined : resolveStateName(Parameters, name),
      fieldOrPath(state, 'TimeoutSeconds', 'timeoutSeconds'),
    ),
  }
}

const rewriteWait = (state: AslObject): AslObject => {
  const { Seconds: _s, SecondsPath: _sp, Timestamp: _t, TimestampPath: _tp, ...rest } = state
  return {
    ...rest,
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    TimeoutSeconds: LIBRARY_TIMEOUT_CEILING_SECONDS,
    Parameters: envelope(undefined, {
      ...fieldOrPath(state, 'Seconds', 'waitSeconds'),
      ...fieldOrPath(state, 'Timestamp', 'waitUntil'),
    }),
  }
}

interface Collected {
  resources: Map<string, string>
  stateTypes: Map<string, string>
}

const rewriteMachine = (machine: AslObject, collected: Collected): AslObject => {
  const states = Object.entries(statesOf(machine)).map(([name, value]): [string, AslObject] => {
    if (!isObject(value)) throw new Error(`state ${name} is not an object`)
    // Local handlers and history are keyed by state name, as AWS requires names unique machine-wide.
    if (collected.stateTypes.has(name)) throw new Error(`state name ${name} is used more than once`)
    collected.stateTypes.set(name, String(value.Type))
    switch (value.Type) {
      case 'Task':
        collected.resources.set(name, String(value.Resource))
        return [name, rewriteTask(name, value)]
      case 'Wait':
        collected.resources.set(name, LOCAL_WAIT_RESOURCE)
        return [name, rewriteWait(value)]
      case 'Map': {
        const processorKey = value.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator'
        const processor = value[processorKey]
        if (!isObject(processor)) throw new Error(`Map state ${name} has no ItemProcessor`)
        return [name, { ...value, [processorKey]: rewriteMachine(processor, collected) }]
      }
      case 'Parallel': {
        if (!Array.isArray(value.Branches)) throw new Error(`Parallel state ${name} has no Branches`)
        const branches = value.Branches.map((branch: unknown) => {
          if (!isObject(branch)) throw new Error(`a branch of ${name} is not an object`)
          return rewriteMachine(branch, collected)
        })
        return [name, { ...value, Branches: branches }]
      }
      default:
        return [name, value]
    }
  })
  return { ...machine, States: Object.fromEntries(states) }
}

/**
 * Prepares a definition for the library; `startAt` replaces the `StartAt` of the top level
 * (resuming an execution at its checkpointed state).
 */
/** Per registered definition and start state: every execution of a machine runs the same rewrite (~1 ms of CPU each). */
const preparedCache = new WeakMap<object, Map<string | undefined, PreparedDefinition>>()

/** `prepareDefinition`, done once per definition object and start state (callers never mutate the result). */
export const preparedDefinitionOf = (definition: object, startAt?: string): PreparedDefinition => {
  let byStart = preparedCache.get(definition)
  if (!byStart) {
    byStart = new Map()
    preparedCache.set(definition, byStart)
  }
  let prepared = byStart.get(startAt)
  if (!prepared) {
    prepared = prepareDefinition(definition, startAt)
    byStart.set(startAt, prepared)
  }
  return prepared
}

export const prepareDefinition = (definition: object, startAt?: string): PreparedDefinition => {
  const collected: Collected = { resources: new Map(), stateTypes: new Map() }
  const { TimeoutSeconds, ...machine } = rewriteMachine(pinExecutionFields(definition), collected)
  const topLevelStates = new Set(Object.keys(statesOf(machine)))
  if (startAt !== undefined) {
    if (!topLevelStates.has(startAt)) throw new Error(`cannot start at unknown state ${startAt}`)
    machine.StartAt = startAt
  }
  return {
    definition: machine as unknown as StateMachineDefinition,
    resources: collected.resources,
    stateTypes: collected.stateTypes,
    topLevelStates,
    ...(typeof TimeoutSeconds === 'number' ? { executionTimeoutSeconds: TimeoutSeconds } : {}),
  }
}
