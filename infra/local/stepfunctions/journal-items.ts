/**
 * The items the local Step Functions journal writes to the main table, keyed by
 * functions/data/keys.ts: a history event, the checkpoint, the record's by-status index
 * entry, and the record read back from its item.
 */
import { sfnCheckpointKey, sfnExecutionByStatusEntry, sfnHistoryEventKey } from '../../../functions/data/keys'
import type { Checkpoint, ExecutionRecord, ExecutionStatus, HistoryEvent } from './journal-types'

export const eventItem = (executionArn: string, { details, ...event }: HistoryEvent) => ({
  ...sfnHistoryEventKey(executionArn, event.id),
  ...event,
  ...(details ? { details: JSON.stringify(details) } : {}),
})

export const checkpointItem = (executionArn: string, checkpoint: Checkpoint) => ({
  ...sfnCheckpointKey(executionArn),
  ...checkpoint,
})

export const statusEntry = (status: ExecutionStatus, record: ExecutionRecord) =>
  sfnExecutionByStatusEntry(status, new Date(record.startDateMs).toISOString(), record.executionArn)

export const recordOfItem = (item: Record<string, unknown>): ExecutionRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, ...record } = item
  return record as unknown as ExecutionRecord
}
