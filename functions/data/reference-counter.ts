/**
 * The kecamatan's reference counter taken inside the intake's own transaction (ADR 0042,
 * fifth addendum): instead of an `ADD` before the transaction (one more store call on the
 * answer's path), the transaction sets the counter to the serial it uses, on the condition
 * that the counter still holds the value this process last saw. A wrong guess (another
 * Lambda took a number meanwhile, or this process never saw the counter) cancels the
 * transaction; its cancellation reason carries the counter's current value
 * (`ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`), so the retry builds on it without a
 * read. Numbers stay atomic and never reused: the counter only moves with a committed
 * intake, and the reference item keeps its own `attribute_not_exists`.
 *
 * Intakes of one counter in this process take turns (one transaction in flight per
 * counter), so concurrent intakes here never cancel each other, and their numbers stay
 * consecutive. Keyed by table name too: a test worker runs several platforms.
 */
import type { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb'
import { dynamo } from '../shared/clients'
import type { TransactItem } from './audit-repository'
import { referenceCounterKey } from './keys'

export interface ReferenceCounter {
  table: string
  kecamatan: string
  year: number
}

/** The last value this process saw in each counter (committed by it, or read from a cancellation). */
const knownValues = new Map<string, number>()
/** The tail of each counter's queue of turns in this process (never rejects). */
const turns = new Map<string, Promise<unknown>>()

const idOf = ({ table, kecamatan, year }: ReferenceCounter) => `${table}\u0000${kecamatan}#${year}`

/** The counter's value as this process last saw it; undefined: none seen (the first guess is "no counter yet"). */
export const knownCounterValue = (counter: ReferenceCounter): number | undefined =>
  knownValues.get(idOf(counter))

/**
 * The transaction's item that moves the counter from the value this process knows to
 * `serial`. `serial` may skip numbers (a reference found taken, e.g. after a restore).
 */
export const counterUpdateItem = (counter: ReferenceCounter, serial: number): TransactItem => {
  const known = knownCounterValue(counter)
  return {
    Update: {
      TableName: counter.table,
      Key: referenceCounterKey(counter.kecamatan, counter.year),
      UpdateExpression: 'SET #value = :serial',
      ConditionExpression: known === undefined ? 'attribute_not_exists(#value)' : '#value = :known',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':serial': serial, ...(known === undefined ? {} : { ':known': known }) },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }
}

/** A transaction that took `serial` committed: the counter holds it now. */
export const counterCommitted = (counter: ReferenceCounter, serial: number): void => {
  knownValues.set(idOf(counter), serial)
}

type RawItem = Record<string, { S?: string; N?: string } | undefined>

/**
 * After a failed transaction: when its counter item failed its condition, remembers the
 * value the cancellation reports (or forgets it when there is no counter any more). The
 * reason's item is in the wire's attribute-value form (the document client does not
 * convert errors).
 */
export const learnFromCancellation = (counter: ReferenceCounter, error: unknown, index: number): void => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return
  const reason = (error as TransactionCanceledException).CancellationReasons?.[index]
  if (reason?.Code === 'ConditionalCheckFailed') rememberReported(counter, reason.Item as RawItem | undefined)
}

/** The counter's item as a failed condition reported it: its value, or no counter at all. */
const rememberReported = (counter: ReferenceCounter, item: RawItem | undefined): void => {
  const value = Number(item?.value?.N ?? Number.NaN)
  if (Number.isInteger(value)) knownValues.set(idOf(counter), value)
  else knownValues.delete(idOf(counter))
}

/**
 * Moves the counter past `serial`, a number whose reference was found taken while the
 * counter stood behind it (a counter restored from an older backup than the references).
 * Stored, not only remembered for this request: a failed intake transaction never moves
 * the counter, so without it every request would meet the same taken numbers again and run
 * out of attempts for good (review). Conditioned like the intake's own update; a counter
 * that moved meanwhile is learnt from the refusal.
 */
export const advanceCounterPast = async (counter: ReferenceCounter, serial: number): Promise<void> => {
  try {
    await dynamo().send(new UpdateCommand(counterUpdateItem(counter, serial).Update as UpdateCommandInput))
    counterCommitted(counter, serial)
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConditionalCheckFailedException') throw error
    rememberReported(counter, (error as ConditionalCheckFailedException).Item as RawItem | undefined)
  }
}

/**
 * Runs `write` when the counter's previous transaction in this process has finished, so it
 * builds on that one's outcome. Turns of different counters do not wait for each other.
 */
export const inCounterTurn = async <T>(counter: ReferenceCounter, write: () => Promise<T>): Promise<T> => {
  const id = idOf(counter)
  const previous = turns.get(id) ?? Promise.resolve()
  const mine = previous.then(write)
  const tail = mine.then(
    () => undefined,
    () => undefined,
  )
  turns.set(id, tail)
  try {
    return await mine
  } finally {
    // The last turn of a counter leaves no entry behind.
    if (turns.get(id) === tail) turns.delete(id)
  }
}
