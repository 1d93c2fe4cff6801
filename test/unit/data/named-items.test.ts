import { describe, expect, it } from 'vitest'
import { conflictedWithAnother, namedItems } from '../../../functions/data/transaction-errors'

const put = (pk: string) => ({
  Put: { TableName: 't', Item: { pk }, ConditionExpression: 'attribute_not_exists(pk)' },
})

/** A TransactionCanceledException as DynamoDB reports it: one reason per item, in order. */
const cancelled = (...codes: string[]) =>
  Object.assign(new Error('cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  })

describe('the items of a transaction by name', () => {
  it('keeps the given order and leaves an absent item out', () => {
    const transaction = namedItems({ case: put('a'), openCase: undefined, idempotency: put('c') })
    expect(transaction.items).toEqual([put('a'), put('c')])
  })

  it('tells which named item failed its condition, wherever the absent ones would have been', () => {
    const transaction = namedItems({ case: put('a'), openCase: undefined, idempotency: put('c') })
    const error = cancelled('None', 'ConditionalCheckFailed', 'None')
    expect(transaction.failed(error, 'idempotency')).toBe(true)
    expect(transaction.failed(error, 'case')).toBe(false)
    expect(transaction.failed(error, 'openCase')).toBe(false)
  })

  it('reads no other error as a failed condition', () => {
    const transaction = namedItems({ case: put('a') })
    expect(transaction.failed(new Error('network'), 'case')).toBe(false)
    expect(transaction.failed(cancelled('ThrottlingError'), 'case')).toBe(false)
  })

  it('gives each named item’s position among the items sent, none for an absent one', () => {
    const transaction = namedItems({ case: put('a'), openCase: undefined, idempotency: put('c') })
    expect([transaction.indexOf('case'), transaction.indexOf('idempotency')]).toEqual([0, 1])
    expect(transaction.indexOf('openCase')).toBeUndefined()
  })

  it('tells a cancellation by another transaction on the same item from a failed condition', () => {
    expect(conflictedWithAnother(cancelled('None', 'TransactionConflict'))).toBe(true)
    expect(conflictedWithAnother(cancelled('None', 'ConditionalCheckFailed'))).toBe(false)
    expect(conflictedWithAnother(new Error('network'))).toBe(false)
  })
})
