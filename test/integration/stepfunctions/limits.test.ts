/**
 * Step Functions' quotas on the local service: a state's input or result over 256 KiB
 * fails the execution with States.DataLimitExceeded past any Catch, and an execution
 * whose history grows past its event quota fails (the quota is 25,000 on AWS; a small
 * one here keeps the test fast, the default is asserted in the unit tests of the limits).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from './harness'

const KiB = 1024

describe('Step Functions limits on the local service', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness(
      ['big-result', 'loop'],
      { produce: async (payload) => ({ data: 'x'.repeat(Number(payload.bytes)) }) },
      { limits: { executionMaxHistoryEvents: 60 } },
    )
  })
  afterAll(async () => {
    await h?.close()
  })

  it('a task result within 256 KiB becomes the state output', async () => {
    const arn = await h.start('big-result', { bytes: 200 * KiB })
    const execution = await h.waitForStatus(arn, 'SUCCEEDED')
    expect(execution.status).toBe('SUCCEEDED')
    expect(execution.output?.length).toBeGreaterThan(200 * KiB)
  })

  it('a task result over 256 KiB fails the execution with States.DataLimitExceeded, which States.ALL does not catch', async () => {
    const arn = await h.start('big-result', { bytes: 257 * KiB })
    const execution = await h.waitForStatus(arn, 'FAILED')
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' })
    expect(execution.output).toBeUndefined()
  })

  it('a loop within the history quota succeeds', async () => {
    const arn = await h.start('loop', { n: 0, times: 5 })
    expect((await h.waitForStatus(arn, 'SUCCEEDED')).status).toBe('SUCCEEDED')
  })

  it('an execution whose history passes the quota fails', async () => {
    const arn = await h.start('loop', { n: 0, times: 1000 })
    const execution = await h.waitForStatus(arn, 'FAILED')
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' })
    expect(execution.cause).toContain('maximum number of history events (60)')
  })
})
