/**
 * The laporan bulanan (issue 16 item 5, ADR 0039): one item per kecamatan and month,
 * indexed in gsi1 by kabupaten/kota and month. Every change is one transaction with its
 * audit entry and the mails it causes (ADR 0018), on the precondition that the item is
 * new (open) or still the version read (every move), so two clicks make one change.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import { type LaporanRecord, laporanAuditView } from '../core/laporan/laporan-record'
import type { MailDraft } from '../core/outbox/outbox-mail'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { itemCodec } from './item-codec'
import { laporanAuditEntityId, laporanByMonthEntry, laporanKey, laporansByMonthQuery } from './keys'
import { mailPut } from './outbox-repository'
import { queryGsi1 } from './paginate'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

const laporanOf = itemCodec<LaporanRecord>()

/** The write's precondition failed: the report exists (open) or changed since it was read. */
export class LaporanWriteRefused extends Error {
  constructor() {
    super('laporan write refused')
    this.name = 'LaporanWriteRefused'
  }
}

export type LaporanAction =
  | 'LAPORAN_OPENED'
  | 'LAPORAN_NARRATIVE_SAVED'
  | 'LAPORAN_SUBMITTED'
  | 'LAPORAN_RETURNED'
  | 'LAPORAN_ACKNOWLEDGED'
  | 'LAPORAN_REMINDED'
  | 'LAPORAN_ESCALATED'

export interface LaporanChange {
  action: LaporanAction
  actor: AuditActor
  correlationId: string
  at: Date
  /** Mails the change causes, written in its transaction. */
  mails?: readonly MailDraft[]
  /** What the audit entry adds to the state (a return's note is free text: never kept there). */
  detail?: Record<string, unknown>
}

/**
 * The Put's precondition over `previous`: still the version read, and the NEEDS_ATTENTION
 * marker (ADR 0040) as read — the workflow's catch-all sets and removes it without a new
 * version, and a Put over a stale read would bring an ended marker back or drop a new one.
 */
const sameAs = (previous: LaporanRecord) =>
  previous.attention
    ? {
        ConditionExpression: 'version = :version AND attention.#at = :attentionAt',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':version': previous.version, ':attentionAt': previous.attention.at },
      }
    : {
        ConditionExpression: 'version = :version AND attribute_not_exists(attention)',
        ExpressionAttributeValues: { ':version': previous.version },
      }

/**
 * Writes `next` (over `previous`, or as a new report when absent) with its audit entry and
 * mails; `LaporanWriteRefused` when the precondition failed, and nothing is written.
 */
export const writeLaporan = async (
  previous: LaporanRecord | undefined,
  next: LaporanRecord,
  change: LaporanChange,
): Promise<void> => {
  const at = change.at.toISOString()
  try {
    await appendAudit(
      {
        entityId: laporanAuditEntityId(next.laporanId),
        area: next.kecamatan,
        actor: change.actor,
        action: change.action,
        before: previous ? laporanAuditView(previous) : null,
        after: { ...laporanAuditView(next), ...change.detail },
        correlationId: change.correlationId,
      },
      {
        at: change.at,
        newEntity: !previous,
        alongWith: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...laporanKey(next.kecamatan, next.month),
                ...laporanByMonthEntry(next.kecamatan, next.month),
                ...next,
              },
              ...(previous ? sameAs(previous) : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          ...(change.mails ?? []).map((mail) => mailPut(mail, at)),
        ],
      },
    )
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new LaporanWriteRefused()
    throw error
  }
}

export const getLaporan = async (kecamatan: string, month: string): Promise<LaporanRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: laporanKey(kecamatan, month), ConsistentRead: true }),
  )
  return Item ? laporanOf(Item) : undefined
}

/** The reports of a month of a kabupaten/kota, one per kecamatan that opened one. */
export const laporansOfMonth = async (kabupaten: string, month: string): Promise<LaporanRecord[]> => {
  const items = await queryGsi1(table(), laporansByMonthQuery(kabupaten, month))
  return items.map(laporanOf)
}

/** Records that the report's workflow runs (start-once's mark; later reads stop retrying). */
export const markLaporanWorkflowStarted = async (
  kecamatan: string,
  month: string,
  at: string,
): Promise<void> => {
  await dynamo()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: laporanKey(kecamatan, month),
        UpdateExpression: 'SET workflowStartedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(workflowStartedAt)',
        ExpressionAttributeValues: { ':at': at },
      }),
    )
    .catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error
    })
}
