/**
 * The local service runs real ASL as Step Functions does: Lambda results, Retry, Catch,
 * Choice, Parallel, inline Map, execution history and idempotent StartExecution — driven
 * through @aws-sdk/client-sfn over HTTP.
 */
import { GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, type Harness, outputOf, stateMachineArnOf } from './harness'

const namedError = (name: string, message: string): Error => Object.assign(new Error(message), { name })

let flakyFailures = 0
let inFlight = 0
let maxInFlight = 0

let h: Harness
beforeAll(async () => {
  h = await createHarness(['lambda-result', 'retry', 'catch', 'choice', 'parallel', 'map', 'task-token'], {
    greet: async ({ name }) => ({ greeting: `Halo, ${String(name)}` }),
    count: async (payload) => payload,
    bare: async ({ input }) => ({ sawInput: input }),
    flaky: async () => {
      if (flakyFailures-- > 0) throw namedError('Lambda.ServiceException', 'try again')
      return { ok: true }
    },
    assess: async ({ fail }) => {
      if (typeof fail === 'string') throw namedError(fail, `${fail} raised`)
      return {}
    },
    left: async ({ n }) => ({ side: 'left', n }),
    right: async ({ n }) => ({ side: 'right', n }),
    ask: async () => ({}),
    chunk: async ({ from, batchId, index }) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 20))
      inFlight--
      return { batchId, index, validated: from }
    },
  })
})
afterAll(() => h?.close())

describe('Lambda tasks', () => {
  it('gives ResultSelector and OutputPath the lambda:invoke response shape, and bare ARNs the raw result', async () => {
    const arn = await h.start('lambda-result', { name: 'Siti' }, 'shape-1')
    const execution = await h.describe(arn)
    expect(execution.status).toBe('SUCCEEDED')
    const selected = { greeting: 'Halo, Siti', statusCode: 200, version: '$LATEST' }
    // Count's OutputPath '$.Payload' keeps only what its Lambda returned (an echo of its payload).
    const counted = { step: 'count', state: 'Count', execution: 'shape-1', selected }
    expect(outputOf(execution)).toEqual({ ...counted, bare: { sawInput: counted } })
  })

  it('retries with backoff on the thrown error name, then succeeds', async () => {
    flakyFailures = 2
    const before = h.calls.get('flaky') ?? 0
    const startedAt = Date.now()
    const arn = await h.start('retry', {})
    const execution = await h.waitForStatus(arn, 'SUCCEEDED')
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toEqual({ ok: true })
    expect((h.calls.get('flaky') ?? 0) - before).toBe(3)
    // IntervalSeconds 1 then ×2: 1 s + 2 s of back-off.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2900)
  })

  it('routes Catch by error name and passes the Lambda error document as the cause', async () => {
    const notEligible = await h.describe(await h.start('catch', { fail: 'NotEligibleError' }))
    expect(notEligible.status).toBe('SUCCEEDED')
    expect(outputOf(notEligible)).toMatchObject({
      outcome: 'NOT_ELIGIBLE',
      error: 'NotEligibleError',
      cause: { errorType: 'NotEligibleError', errorMessage: 'NotEligibleError raised' },
    })

    const other = await h.describe(await h.start('catch', { fail: 'TypeError' }))
    expect(other.status).toBe('FAILED')
    expect(other.error).toBe('TypeError')
    expect(other.cause).toBe('unexpected')

    const fine = await h.describe(await h.start('catch', { fail: null }))
    expect(outputOf(fine)).toBe('assessed')
  })
})

describe('control flow', () => {
  it.each([
    [{ eligible: true, score: 80 }, 'APPROVE'],
    [{ eligible: true, score: 50 }, 'REVIEW'],
    [{ eligible: false, score: 99 }, 'REJECT'],
  ])('Choice routes %j to %s', async (input, expected) => {
    expect(outputOf(await h.describe(await h.start('choice', input)))).toBe(expected)
  })

  it('Parallel runs every branch and collects their outputs in order', async () => {
    const execution = await h.describe(await h.start('parallel', { n: 7 }))
    expect(outputOf(execution)).toEqual([
      { side: 'left', n: 7 },
      { side: 'right', n: 7 },
    ])
  })

  it('inline Map processes every item with ItemSelector and never more than MaxConcurrency at once', async () => {
    maxInFlight = 0
    const chunks = [1, 1001, 2001, 3001, 4001].map((from) => ({ from }))
    const execution = await h.describe(await h.start('map', { batchId: 'B1', chunks }))
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toMatchObject({
      results: chunks.map(({ from }, index) => ({ batchId: 'B1', index, validated: from })),
    })
    expect(maxInFlight).toBe(2)
  })
})

describe('executions', () => {
  it('GetExecutionHistory lists the states entered and exited, in order, pageable and reversible', async () => {
    const arn = await h.start('catch', { fail: null })
    const { events = [] } = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn: arn }))
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ])
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6])
    expect(events[1]?.stateEnteredEventDetails?.name).toBe('Assess')
    expect(events[1]?.previousEventId).toBe(1)
    expect(events[0]?.timestamp).toBeInstanceOf(Date)

    const firstPage = await h.sfn.send(
      new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 2, reverseOrder: true }),
    )
    expect(firstPage.events?.map((event) => event.id)).toEqual([6, 5])
    const secondPage = await h.sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: arn,
        maxResults: 2,
        reverseOrder: true,
        nextToken: firstPage.nextToken,
      }),
    )
    expect(secondPage.events?.map((event) => event.id)).toEqual([4, 3])
  })

  it('StartExecution with a running name and the same input returns that execution; other input is refused', async () => {
    const input = JSON.stringify({ caseId: 'C-1' })
    const start = (body: string) =>
      h.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: stateMachineArnOf('task-token'),
          name: 'case-C-1',
          input: body,
        }),
      )
    const first = await start(input)
    await h.service.idle()
    const again = await start(input)
    expect(again.executionArn).toBe(first.executionArn)
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime())
    expect(h.calls.get('ask')).toBe(1)
    await expect(start(JSON.stringify({ caseId: 'C-2' }))).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    })
  })

  it('answers AWS errors for unknown state machines and executions', async () => {
    await expect(
      h.sfn.send(new StartExecutionCommand({ stateMachineArn: stateMachineArnOf('missing'), input: '{}' })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' })
    await expect(
      h.describe(`${stateMachineArnOf('catch').replace('stateMachine', 'execution')}:nope`),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' })
    await expect(
      h.sfn.send(
        new StartExecutionCommand({ stateMachineArn: stateMachineArnOf('catch'), input: '{not json' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' })
  })
})
