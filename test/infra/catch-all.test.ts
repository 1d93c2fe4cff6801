/**
 * The deployed case workflow catches every Task state's error after its retries into
 * NEEDS_ATTENTION and halts at one state a redrive resumes (issue 17, ADR 0025); the
 * verval workflow catches every Task and Map into MarkFailed (ADR 0004). Read from the
 * synthesized template, as CloudFormation receives the definitions.
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

const definitionOf = (name: string): { States: Record<string, AslState> } => {
  const machine = Object.values(stacks.app.findResources('AWS::StepFunctions::StateMachine')).find(
    (resource) => resource.Properties.StateMachineName === name,
  )
  expect(machine, name).toBeDefined()
  return JSON.parse(machine?.Properties.DefinitionString as string)
}

const lastCatch = (state: AslState) => state.Catch?.at(-1)

describe('the case workflow on AWS', () => {
  const states = () => definitionOf('tksk-case').States
  const tasks = () =>
    Object.entries(states()).filter(
      ([name, state]) => state.Type === 'Task' && !(CATCH_ALL_STATES as readonly string[]).includes(name),
    )

  it('catches every Task state’s errors, after its own catchers, into the attention of that state', () => {
    expect(tasks().length).toBeGreaterThan(20)
    for (const [name, state] of tasks()) {
      expect(lastCatch(state), name).toEqual({
        ErrorEquals: ['States.ALL'],
        ResultPath: '$.error',
        Next: attentionStateOf(name),
      })
      expect(states()[attentionStateOf(name)], name).toMatchObject({
        Type: 'Pass',
        Parameters: { failedState: name, 'input.$': '$' },
        Next: 'MarkAttention',
      })
    }
    // A waiting task's own timeout still goes to its timer first.
    expect(states().AwaitAssessment?.Catch?.[0]).toMatchObject({
      ErrorEquals: ['States.Timeout'],
      Next: 'TimerAssessment',
    })
  })

  it('marks, then halts at AwaitRetry without retrying the halt, and resumes at the failed state', () => {
    expect(states().MarkAttention).toMatchObject({ Type: 'Task', Next: 'AwaitRetry', ResultPath: null })
    expect(states().MarkAttention?.Catch).toBeUndefined()
    const halt = states().AwaitRetry
    expect(halt?.Retry?.[0]).toEqual({ ErrorEquals: ['NeedsAttention'], MaxAttempts: 0 })
    expect(halt?.Catch).toBeUndefined()
    expect(halt?.Parameters).toMatchObject({
      Payload: { step: 'awaitRetry', 'redriveCount.$': '$$.Execution.RedriveCount' },
    })
    const resume = states().Resume
    expect(resume?.OutputPath).toBe('$.input')
    expect(resume?.Choices?.map((rule) => [rule.StringEquals, rule.Next]).sort()).toEqual(
      tasks()
        .map(([name]) => [name, name])
        .sort(),
    )
  })
})

describe('the verval workflow on AWS', () => {
  it('catches every Task and Map state’s errors into MarkFailed', () => {
    const { States } = definitionOf('tksk-verval')
    const caught = Object.entries(States).filter(
      ([name, state]) => (state.Type === 'Task' || state.Type === 'Map') && name !== 'MarkFailed',
    )
    expect(caught.length).toBeGreaterThan(5)
    for (const [name, state] of caught)
      expect(lastCatch(state), name).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' })
  })
})
