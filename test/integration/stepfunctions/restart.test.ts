/**
 * Kill and restart: an execution parked mid-way survives `stop()`; a new service instance
 * on the same table resumes it from its checkpointed top-level state, re-invoking that
 * state's step with a new token, and the execution finishes exactly once.
 */
import { GetExecutionHistoryCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createHarness, type Harness, outputOf } from './harness'

let h: Harness
/** What `$$.Execution.Input` was, each time the await-approval step ran. */
const startedWith: unknown[] = []
beforeAll(async () => {
  h = await createHarness(['restart'], {
    identify: async () => ({ assignee: 'tksk-1' }),
    recommend: async () => ({}),
    'await-approval': async (payload) => {
      startedWith.push(payload.startedWith)
      return {}
    },
    close: async ({ approval, assignee }) => ({ closed: true, approval, assignee }),
  })
})
afterAll(() => h?.close())

it('resumes a parked execution after a restart at its checkpoint and finishes it exactly once', async () => {
  const arn = await h.start('restart', { caseId: 'R-1' }, 'case-R-1')
  const [oldToken] = h.tokens.get('await-approval') ?? []
  expect(oldToken).toBeDefined()
  expect(Object.fromEntries(h.calls)).toEqual({ identify: 1, recommend: 1, 'await-approval': 1 })

  await h.service.stop()
  expect((await h.describe(arn)).status).toBe('RUNNING') // stopping is not failing

  const restarted = h.restart()
  await restarted.resume()
  await restarted.idle()
  // The waiting state was re-entered: its step ran again with a new token; the steps before it did not.
  expect(Object.fromEntries(h.calls)).toEqual({ identify: 1, recommend: 1, 'await-approval': 2 })
  const newToken = h.tokens.get('await-approval')?.[1]
  expect(newToken).toBeDefined()
  expect(newToken).not.toBe(oldToken)
  await expect(
    h.sfn.send(new SendTaskSuccessCommand({ taskToken: String(oldToken), output: '{}' })),
  ).rejects.toMatchObject({ name: 'TaskDoesNotExist' })

  await h.sfn.send(new SendTaskSuccessCommand({ taskToken: String(newToken), output: '{"approved":true}' }))
  await restarted.idle()
  const execution = await h.describe(arn)
  expect(execution.status).toBe('SUCCEEDED')
  expect(outputOf(execution)).toEqual({ closed: true, approval: { approved: true }, assignee: 'tksk-1' })
  expect(h.calls.get('close')).toBe(1)

  // A second resume finds nothing to do; the history closes once and re-enters AwaitApproval once.
  await restarted.resume()
  await restarted.idle()
  expect(h.calls.get('close')).toBe(1)
  const { events = [] } = await h.sfn.send(
    new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 1000 }),
  )
  const types = events.map((event) => event.type)
  expect(types.filter((type) => type === 'ExecutionSucceeded')).toHaveLength(1)
  expect(events.filter((event) => event.stateEnteredEventDetails?.name === 'AwaitApproval')).toHaveLength(2)
  expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1))
})

it('keeps $$.Execution.Input the execution input after a resume, not the resumed state input', async () => {
  const input = { caseId: 'R-2', note: 'original' }
  startedWith.length = 0
  await h.start('restart', input)
  await h.service.stop()
  const restarted = h.restart()
  await restarted.resume()
  await restarted.idle()
  // Resumed at AwaitApproval, whose own input also carries `identified`.
  expect(startedWith).toEqual([input, input])
})
