/**
 * Waits and timeouts follow the project clock (functions/shared/clock.ts), not Node
 * timers: days pass with `advanceClock`, inside Parallel branches and Map iterations too,
 * and a 30-day task timeout neither fires early (Node timers overflow past 24.8 days) nor
 * late. After `await advanceClock(…)` the fired states have already moved on.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { advanceClock, now } from '../../../functions/shared/clock'
import { createHarness, type Harness, outputOf } from './harness'

const DAY = 86_400

let h: Harness
beforeAll(async () => {
  h = await createHarness(['wait', 'nested-clock', 'task-token', 'execution-timeout'], {
    ask: async () => ({}),
    'nested-ask': async () => ({}),
  })
})
afterAll(() => h?.close())

describe('Wait states', () => {
  it('a 3-day Wait stays RUNNING until the clock is advanced 3 days, then passes', async () => {
    const arn = await h.start('wait', { caseId: 'W-1' })
    await new Promise((resolve) => setTimeout(resolve, 600)) // real time passes: a few timer ticks
    expect((await h.describe(arn)).status).toBe('RUNNING')

    await advanceClock(3 * DAY - 60)
    expect((await h.describe(arn)).status).toBe('RUNNING')

    await advanceClock(60)
    const execution = await h.describe(arn)
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toEqual({ caseId: 'W-1', result: 'waited' })
  })

  it('Waits and a TimeoutSecondsPath inside Parallel branches and a Map follow the clock', async () => {
    const until = (days: number) => new Date(now().getTime() + days * DAY * 1000).toISOString()
    const input = {
      seconds: 3 * DAY,
      timeoutSeconds: 2 * DAY,
      deadlines: [{ until: until(4) }, { until: until(5) }],
    }
    const arn = await h.start('nested-clock', input)
    expect(h.calls.get('nested-ask')).toBe(1)

    await advanceClock(2 * DAY - 1)
    expect((await h.describe(arn)).status).toBe('RUNNING') // nothing due yet
    await advanceClock(1 + DAY) // the branch task timed out at 2 days, the branch Wait passes at 3
    expect((await h.describe(arn)).status).toBe('RUNNING') // the Map waits for day 4 and 5
    await advanceClock(DAY)
    expect((await h.describe(arn)).status).toBe('RUNNING') // one iteration still waits for day 5
    await advanceClock(DAY)

    const execution = await h.describe(arn)
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toEqual({
      branches: [input, { timedOut: 'States.Timeout' }],
      map: { reached: input.deadlines.map(({ until: reached }) => reached) },
    })
  })
})

describe('task timeouts', () => {
  it('a task token with TimeoutSeconds of 30 days is still waiting at 29 days and times out with States.Timeout at 30', async () => {
    const arn = await h.start('task-token', { caseId: 'T-30' })
    await advanceClock(29 * DAY)
    expect((await h.describe(arn)).status).toBe('RUNNING')

    await advanceClock(DAY)
    const execution = await h.describe(arn)
    expect(execution.status).toBe('SUCCEEDED')
    expect(outputOf(execution)).toEqual({ outcome: 'NOT_FULFILLED', error: 'States.Timeout' })
  })

  it('an execution TimeoutSeconds ends the execution as TIMED_OUT on the project clock', async () => {
    const arn = await h.start('execution-timeout', {})
    // The project clock also runs in real time: a minute short of the hour, not a second,
    // so a loaded machine's pause between start and describe cannot cross the deadline.
    await advanceClock(3600 - 60)
    expect((await h.describe(arn)).status).toBe('RUNNING')
    await advanceClock(60)
    const execution = await h.describe(arn)
    expect(execution.status).toBe('TIMED_OUT')
    expect(execution.error).toBe('States.Timeout')
  })
})
