/**
 * The reads and the one write of the national export (issue 21 item 4, ADR 0034): the
 * live batch of each kecamatan for a program and period (the period's slots, one
 * BatchGetItem, never a query per kecamatan), and the export's audit entry written in
 * one transaction with the marks on the batches it carried.
 */
import type { AuditActor } from '../core/audit/audit-entry'
import type { BatchRecord, NationalSending } from '../core/verval/batch-record'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { getAll } from './batch-get'
import { recordOf } from './batch-repository'
import { batchKey, nationalExportAuditEntityId, vervalSlotKey } from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

/** The batch holding each kecamatan's slot of the program and period, where there is one. */
export const periodBatches = async (
  kecamatans: readonly string[],
  program: string,
  period: string,
): Promise<BatchRecord[]> => {
  const slots = await getAll(
    table(),
    kecamatans.map((kecamatan) => vervalSlotKey(kecamatan, program, period)),
  )
  const batchIds = slots.map((slot) => slot.batchId as string)
  return (await getAll(table(), batchIds.map(batchKey))).map(recordOf)
}

/** DynamoDB's limit of items in one transaction, less the audit entry. */
export const MAX_BATCHES_PER_EXPORT = 99

export class BatchesChangedError extends Error {
  constructor() {
    super('a batch of the export was no longer applied, or was marked sent by another export')
    this.name = 'BatchesChangedError'
  }
}

/**
 * Marks each batch sent by this export, conditioned on it being APPLIED and, unless the
 * export re-sends, not sent before: of two exports racing, one carries the batches.
 */
const markSent = (batchId: string, sending: NationalSending, resend: boolean): TransactItem => ({
  Update: {
    TableName: table(),
    Key: batchKey(batchId),
    UpdateExpression: 'SET #sent = :sent, #count = if_not_exists(#count, :zero) + :one',
    ConditionExpression: resend ? '#status = :applied' : '#status = :applied AND attribute_not_exists(#sent)',
    ExpressionAttributeNames: { '#sent': 'sentToNational', '#count': 'sendCount', '#status': 'status' },
    ExpressionAttributeValues: { ':sent': sending, ':zero': 0, ':one': 1, ':applied': 'APPLIED' },
  },
})

export const recordNationalExport = async (input: {
  kabupaten: string
  actor: AuditActor
  correlationId: string
  at: Date
  sending: NationalSending
  batchIds: readonly string[]
  resend: boolean
  after: unknown
}): Promise<void> => {
  if (input.batchIds.length > MAX_BATCHES_PER_EXPORT)
    throw new Error(`an export carries at most ${MAX_BATCHES_PER_EXPORT} batches`)
  const marks = input.batchIds.map((batchId) => markSent(batchId, input.sending, input.resend))
  try {
    await appendAudit(
      {
        entityId: nationalExportAuditEntityId(input.kabupaten),
        area: input.kabupaten,
        actor: input.actor,
        action: 'NATIONAL_EXPORT',
        before: null,
        after: input.after as never,
        correlationId: input.correlationId,
      },
      { alongWith: marks, at: input.at },
    )
  } catch (error) {
    if (marks.some((_, index) => failedConditionAt(error, index))) throw new BatchesChangedError()
    throw error
  }
}
