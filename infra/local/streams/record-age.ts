/** The event source mapping's maximum record age, judged on the project clock (functions/triggers/stream-settings.ts). */
import type { DynamoDBRecord } from 'aws-lambda'
import { clockOffsetAt } from '../../../functions/shared/clock'

/**
 * DynamoDB Local stamps a record's ApproximateCreationDateTime rounded down to the minute
 * (three puts at 11:52:50-51 all read 11:52:00; AWS rounds down to the second).
 */
const CREATION_STAMP_GRAIN_MS = 60_000

/**
 * How old `record` was at `atMs` of the project clock (undefined when it carries no creation
 * time), counted from the latest instant it can have been written: the end of its stamp's
 * minute, or when the poller first read it (`firstReadAt`, wall clock) if that was earlier.
 * So the clock's moves since it was written age it (a record a failure held back), but not a
 * move before the poller first read it: AWS's mapping reads a record within a second, so a
 * record written just before a move (a test's mail) is no older for it, nor one written just
 * after it in the same minute.
 */
export const ageOf = (record: DynamoDBRecord, firstReadAt: number, atMs: number): number | undefined => {
  const stamp = record.dynamodb?.ApproximateCreationDateTime
  if (stamp === undefined) return undefined
  const writtenBy = Math.min(stamp * 1000 + CREATION_STAMP_GRAIN_MS - 1, firstReadAt)
  return atMs - (writtenBy + clockOffsetAt(writtenBy))
}
