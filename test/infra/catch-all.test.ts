/**
 * Every deployed workflow catches every Task and Map state's error after its retries into
 * NEEDS_ATTENTION and halts at one state a redrive resumes (issue 17, ADR 0025, 0040).
 * Read from the synthesized template, as CloudFormation receives the definitions.
 */
import { describe, expect, it } from 'vitest'
import { attentionStateOf, CATCH_ALL_STATES } from '../../workflows/catch-all-asl'
import { synthesizeOnce } from './support'

const stacks = synthesizeOnce()

interface AslState {
  Type: string
  Next?: string
  Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[]
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number }[]
  Parameters?: Record<string, unknown>
  Choices?: { Variable: string; StringEquals: string; Next: string }[]
  OutputPath?: string
}

const definitions = (): [string, { States: Record<string, AslState> }][] =>
  Object.values(stacks.app.findResources('AWS::StepFunctions::StateMachine')).map((resource) => [
    resource.Properties.StateMachineName as string,
    JSON.parse(resource.Properties.DefinitionString as string),
  ])

const definitionOf = (name: string): { States: Record<string, AslState> } => {
  const found = definitions().find(([machine]) => machine === name)
  expect(found, name).toBeDefined()
  return found?.[1] ?? { States: {} }
}

/** The states a failure is caught on, besides the catch-all's own. */
const caughtStates = (states: Record<string, AslState>) =>
  Object.entries(states).filter(
    ([name, state]) =>
      (state.Type === 'Task' || state.Type === 'Map') &&
      !(CATCH_ALL_STATES as readonly string[]).includes(name),
  )

const lastCatch = (state: AslState) => state.Catch?.at(-1)

/** How many states each known workflow catches at least; a workflow not named here, one. */
const FEWEST_CAUGHT: Readonly<Record<string, number>> = {
  'tksk-case': 6,
  'tksk-bansos': 6,
  'tksk-verval': 6,
  'tksk-laporan': 3,
}

describe('every workflow on AWS', () => {
  it('the case, verval and laporan state machines are deployed', () => {
    expect(definitions().map(([name]) => name)).toEqual(
      expect.arrayContaining(['tksk-case', 'tksk-verval', 'tksk-laporan']),
    )
  })

  it('each catches every Task and Map state’s errors, after its own catchers, into the attention of that state', () => {
    for (const [machine, { States: states }] of definitions()) {
      const caught = caughtStates(states)
      expect(caught.length, machine).toBeGreaterThanOrEqual(FEWEST_CAUGHT[machine] ?? 1)
      for (const [name, state] of caught) {
        expect(lastCatch(state), `${machine} ${name}`).toEqual({
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.error',
          Next: attentionStateOf(name),
        })
        expect(states[attentionStateOf(name)], name).toMatchObject({
          Type: 'Pass',
          Parameters: { failedState: name, 'input.$': '$' },
          Next: 'MarkAttention',
        })
      }
    }
  })

  it('each marks, then halts at AwaitRetry without retrying the halt, and resumes at the failed state', () => {
    for (const [machine, { States: states }] of definitions()) {
      expect(states.MarkAttention, machine).toMatchObject({
        Type: 'Task',
        Next: 'AwaitRetry',
        ResultPath: null,
      })
      expect(states.MarkAttention?.Catch).toBeUndefined()
      const halt = states.AwaitRetry
      expect(halt?.Retry?.[0]).toEqual({ ErrorEquals: ['NeedsAttention'], MaxAttempts: 0 })
      expect(halt?.Catch).toBeUndefined()
      expect(halt?.Parameters).toMatchObject({
        Payload: { step: 'awaitRetry', 'redriveCount.$': '$$.Execution.RedriveCount' },
      })
      const resume = states.Resume
      expect(resume?.OutputPath).toBe('$.input')
      expect(resume?.Choices?.map((rule) => [rule.StringEquals, rule.Next]).sort()).toEqual(
        caughtStates(states)
          .map(([name]) => [name, name])
          .sort(),
      )
    }
  })
})

describe('the case and verval workflows on AWS', () => {
  it('a waiting task’s own timeout still goes to its timer first', () => {
    expect(definitionOf('tksk-case').States.AwaitAssessment?.Catch?.[0]).toMatchObject({
      ErrorEquals: ['States.Timeout'],
      Next: 'TimerAssessment',
    })
    expect(definitionOf('tksk-verval').States.AwaitApproval?.Catch?.[0]).toMatchObject({
      ErrorEquals: ['States.Timeout'],
      Next: 'ApprovalTimer',
    })
  })

  it('the verval Maps are caught whole (their chunks are idempotent), not per chunk', () => {
    const { States } = definitionOf('tksk-verval')
    for (const map of ['ValidateChunks', 'ApplyChunks'])
      expect(lastCatch(States[map] as AslState), map).toMatchObject({ Next: attentionStateOf(map) })
    expect(States.MarkFailed).toBeUndefined()
  })
})

describe('the laporan workflow on AWS', () => {
  it('catches its three steps (schedule, remind, escalate), not the Waits between them', () => {
    const { States } = definitionOf('tksk-laporan')
    expect(caughtStates(States).map(([name]) => name)).toEqual(['Schedule', 'Remind', 'Escalate'])
    expect(States.WaitForReminder?.Catch).toBeUndefined()
    expect(States.WaitForDue?.Catch).toBeUndefined()
  })
})
