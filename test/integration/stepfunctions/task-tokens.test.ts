/**
 * `.waitForTaskToken` states park until SendTaskSuccess or SendTaskFailure, each wait has
 * its own token, and tokens and executions answer the AWS errors once they are used,
 * timed out or stopped.
 */
import {
  GetExecutionHistoryCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { advanceClock } from '../../../functions/shared/clock'
import { createHarness, type Harness, outputOf } from './harness'

let h: Harness
beforeAll(async () => {
  h = await createHarness(['task-token'], { ask: async () => ({ asked: true }) })
})
afterAll(() => h?.close())

/** Starts a case waiting for its decision; returns the execution and the token its step received. */
const parkedCase = async (caseId: string) => {
  const arn = await h.start('task-token', { caseId })
  const token = h.tokens.get('ask')?.at(-1)
  if (!token) throw new Error('the ask step received no token')
  expect((await h.describe(arn)).status).toBe('RUNNING')
  return { arn, token }
}

const succeed = (taskToken: string, output: unknown) =>
  h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))

describe('waitForTaskToken', () => {
  it('parks until SendTaskSuccess, whose output becomes the state result', async () => {
    const { arn, token } = await parkedCase('K-1')
    await h.sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }))
    expect((await h.describe(arn)).status).toBe('RUNNING')

    await succeed(token, { decision: 'APPROVE' })
    await h.service.idle()
    const execution = await h.describe(arn)
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toEqual({ caseId: 'K-1', decision: { decision: 'APPROVE' } })
  })

  it('SendTaskFailure fails the state with its error and cause, which Catch routes', async () => {
    const { arn, token } = await parkedCase('K-2')
    await h.sfn.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'DecisionRejected', cause: 'incomplete' }),
    )
    await h.service.idle()
    expect(outputOf(await h.describe(arn))).toEqual({
      outcome: 'REJECTED',
      error: 'DecisionRejected',
      cause: 'incomplete',
    })
  })

  it('gives every wait a fresh token', async () => {
    const first = await parkedCase('K-3')
    const second = await parkedCase('K-4')
    expect(first.token).not.toBe(second.token)
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{64}$/)
  })

  it('answers TaskDoesNotExist for a used token and InvalidToken for a malformed one', async () => {
    const { token } = await parkedCase('K-5')
    await succeed(token, {})
    await expect(succeed(token, {})).rejects.toMatchObject({ name: 'TaskDoesNotExist' })
    await expect(
      h.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'X' })),
    ).rejects.toMatchObject({ name: 'TaskDoesNotExist' })
    await expect(succeed('not-a-token', {})).rejects.toMatchObject({ name: 'InvalidToken' })
  })

  it('answers TaskTimedOut for the token of a state that timed out', async () => {
    const { token } = await parkedCase('K-6')
    await advanceClock(30 * 86_400)
    await expect(succeed(token, {})).rejects.toMatchObject({ name: 'TaskTimedOut' })
  })

  it('refuses SendTaskSuccess output that is not JSON', async () => {
    const { token } = await parkedCase('K-7')
    await expect(
      h.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{oops' })),
    ).rejects.toMatchObject({ name: 'InvalidOutput' })
  })
})

describe('StopExecution', () => {
  it('aborts a parked execution once, records why, and kills its token', async () => {
    const { arn, token } = await parkedCase('K-8')
    const { stopDate } = await h.sfn.send(
      new StopExecutionCommand({ executionArn: arn, error: 'Withdrawn', cause: 'resident asked' }),
    )
    expect(stopDate).toBeInstanceOf(Date)

    const execution = await h.describe(arn)
    expect(execution).toMatchObject({ status: 'ABORTED', error: 'Withdrawn', cause: 'resident asked' })
    await expect(succeed(token, {})).rejects.toMatchObject({ name: 'TaskDoesNotExist' })

    await h.sfn.send(new StopExecutionCommand({ executionArn: arn }))
    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }))
    expect(events.filter((event) => event.type === 'ExecutionAborted')).toHaveLength(1)
    expect(events.at(-1)?.type).toBe('ExecutionAborted')
  })
})
