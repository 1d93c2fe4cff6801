/**
 * Persists executions in the main table: one record per execution (its status), its
 * history events, and its checkpoint (the top-level state it last entered with that
 * state's input, which `resume()` and redrive restart from). Keys come from
 * functions/data/keys.ts. Every status change is conditioned on RUNNING, so an execution
 * closes exactly once.
 *
 * The checkpoint is an item of its own beside the events, not a field of the record, so
 * the journal writes events and checkpoint in one unconditional BatchWriteItem (issue 14
 * item 8, ADR 0025 addendum): the record is only ever written under a condition on its
 * status. A checkpoint needs no condition: the runner closes an execution once the library
 * has stopped emitting, with the last events and checkpoint in the closing's own
 * transaction, so no checkpoint of the run follows its closing.
 *
 * The records (execution-records.ts), the events and checkpoint (history-journal.ts) and
 * the by-status index (status-index.ts) are written and read by one module each.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { createExecutionRecords, type ExecutionRecords } from './execution-records'
import { createHistoryJournal, type HistoryJournal } from './history-journal'
import { createStatusIndex, type StatusIndex } from './status-index'

export interface CheckpointStore extends ExecutionRecords, HistoryJournal, StatusIndex {}

export const createCheckpointStore = (dynamo: DynamoDBDocumentClient, tableName: string): CheckpointStore => {
  const journal = createHistoryJournal(dynamo, tableName)
  return {
    ...createExecutionRecords(dynamo, tableName, journal),
    ...journal,
    ...createStatusIndex(dynamo, tableName),
  }
}
