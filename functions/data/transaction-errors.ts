/** Reading why a TransactWriteItems was cancelled: which of its items failed its condition. */
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb'

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException'

/** Whether the item at `index` of a cancelled transaction failed its condition. */
export const failedConditionAt = (error: unknown, index: number): boolean =>
  error instanceof Error &&
  error.name === 'TransactionCanceledException' &&
  (error as TransactionCanceledException).CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
