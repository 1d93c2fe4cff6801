import { describe, expect, it } from 'vitest'
import {
  faultOf,
  isRetryable,
  isRetryOf,
  NEEDS_ATTENTION,
  retryableUntil,
} from '../../../../functions/core/attention/attention'

const lambdaCause = (errorMessage: string) =>
  JSON.stringify({ errorType: 'Error', errorMessage, trace: ['Error: at step (/var/task/index.js:1:1)'] })

describe('what a case keeps of the error that halted its workflow', () => {
  it('keeps the error name and the first line of a Lambda error message, never its trace', () => {
    expect(
      faultOf({ Error: 'ConditionalCheckFailedException', Cause: lambdaCause('The condition failed\nmore') }),
    ).toEqual({
      error: 'ConditionalCheckFailedException',
      cause: 'The condition failed',
    })
  })

  it('masks a NIK that a message echoes', () => {
    expect(faultOf({ Error: 'Error', Cause: lambdaCause('no KPM for 3201144507800001') }).cause).toBe(
      'no KPM for 320114******0001',
    )
  })

  it('cuts a long message short and takes a cause that is not a Lambda document as the message', () => {
    const fault = faultOf({ Error: 'States.Timeout', Cause: 'x'.repeat(500) })
    expect(fault.error).toBe('States.Timeout')
    expect(fault.cause).toHaveLength(160)
    expect(fault.cause?.endsWith('…')).toBe(true)
  })

  it('names an error that does not look like an error name Unknown', () => {
    expect(faultOf({ Error: 'Siti Aminah <script>', Cause: '' })).toEqual({ error: 'Unknown' })
    expect(faultOf(undefined)).toEqual({ error: 'Unknown' })
  })
})

describe('the retry of a halted workflow', () => {
  const attention = {
    status: NEEDS_ATTENTION,
    state: 'Recommend',
    error: 'Error',
    at: '2026-12-06T10:00:00.000Z',
    executionArn: 'arn:aws:states:ap-southeast-3:000000000000:execution:tksk-case:C',
    redriveCount: 1,
  } as const

  it('is a run redriven more often than the one that failed', () => {
    expect(isRetryOf(attention, 1)).toBe(false)
    expect(isRetryOf(attention, 2)).toBe(true)
  })

  it('can be asked for until 14 days after the failure, as AWS redrives, and not a moment later', () => {
    expect(retryableUntil(attention).toISOString()).toBe('2026-12-20T10:00:00.000Z')
    expect(isRetryable(attention, new Date('2026-12-20T10:00:00.000Z'))).toBe(true)
    expect(isRetryable(attention, new Date('2026-12-20T10:00:00.001Z'))).toBe(false)
  })
})
