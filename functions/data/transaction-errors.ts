/** Reading why a TransactWriteItems was cancelled: which of its items failed its condition. */
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import type { TransactItem } from './audit-repository'

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException'

/** Whether the item at `index` of a cancelled transaction failed its condition. */
export const failedConditionAt = (error: unknown, index: number): boolean =>
  error instanceof Error &&
  error.name === 'TransactionCanceledException' &&
  (error as TransactionCanceledException).CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'

/**
 * Whether a transaction was cancelled because another transaction was changing one of its
 * items at the same moment (a hot item, e.g. a counter two Lambdas take a number from):
 * nothing was written, and the same transaction may be tried again after a pause.
 */
export const conflictedWithAnother = (error: unknown): boolean =>
  error instanceof Error &&
  error.name === 'TransactionCanceledException' &&
  ((error as TransactionCanceledException).CancellationReasons ?? []).some(
    (reason) => reason.Code === 'TransactionConflict',
  )

/** A transaction's items by name: a cancellation is read by what failed, not by position. */
export interface NamedItems<Name extends string> {
  /** In the order the names were given (absent ones left out); items appended after them keep theirs. */
  readonly items: TransactItem[]
  /** Whether the item named `name` was in the transaction and failed its condition. */
  failed: (error: unknown, name: Name) => boolean
  /** The position of the item named `name` in `items` (its cancellation reason's index). */
  indexOf: (name: Name) => number | undefined
}

export const namedItems = <Name extends string>(
  byName: Readonly<Partial<Record<Name, TransactItem>>>,
): NamedItems<Name> => {
  const present = (Object.entries(byName) as [Name, TransactItem | undefined][]).filter(
    (entry): entry is [Name, TransactItem] => entry[1] !== undefined,
  )
  const positions = new Map(present.map(([name], index) => [name, index]))
  return {
    items: present.map(([, item]) => item),
    failed: (error, name) => {
      const at = positions.get(name)
      return at !== undefined && failedConditionAt(error, at)
    },
    indexOf: (name) => positions.get(name),
  }
}
