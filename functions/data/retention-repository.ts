/**
 * The retention schedule and the anonymising write (DESIGN §5, ADR 0006). Closing a case
 * puts its schedule item in the closing transaction; the daily job reads the due items
 * of a closing month with one Query and anonymises each case in one transaction with
 * its tasks' decisions, its `PII_ANONYMISED` audit entry and the removal of the schedule
 * item. A case with more decided tasks than that transaction can hold has the others of
 * its decisions anonymised first, in transactions of their own (ADR 0006, addendum).
 */
import { DeleteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import type { CaseRecord } from '../core/case/case-record'
import type { Decision } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import { anonymisedAttributes, closingMonthOf, vervalDraftsOfCase } from '../core/retention/retention-rule'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { getEach } from './batch-get'
import { queryAll } from './paginate'
import { appendAudit, type TransactItem } from './audit-repository'
import {
  auditEntityId,
  caseKey,
  caseStepMarkerPrefix,
  personLookupKey,
  retentionScheduleKey,
  retentionSchedulePartition,
  retentionScheduleSortBound,
  taskKey,
  vervalDraftKey,
} from './keys'
import { taskOf } from './task-repository'
import { failedConditionAt } from './transaction-errors'
import { TRANSACTION_ITEMS } from './transaction-limits'

const table = () => env.mainTableName()

export interface ScheduleEntry {
  caseId: string
  closedAt: string
}

const scheduleKeyOf = (entry: ScheduleEntry) =>
  retentionScheduleKey(closingMonthOf(entry.closedAt), entry.closedAt, entry.caseId)

/** The Put of a closed case's schedule item, for the closing transaction (a replay rewrites the same item). */
export const retentionSchedulePutItem = (caseId: string, closedAt: string): TransactItem => ({
  Put: { TableName: table(), Item: { ...scheduleKeyOf({ caseId, closedAt }), caseId, closedAt } },
})

/** The Delete of a closed case's schedule item, for a reopening (ADR 0037): its next closing writes a new one. */
export const retentionScheduleDeleteItem = (caseId: string, closedAt: string): TransactItem => ({
  Delete: { TableName: table(), Key: scheduleKeyOf({ caseId, closedAt }) },
})

/** The schedule entries of one closing month closed at or before `closedUpTo`, oldest first. */
export const scheduleEntriesClosedBy = async (
  closingMonth: string,
  closedUpTo: string,
): Promise<ScheduleEntry[]> => {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND sk <= :bound',
    ExpressionAttributeValues: {
      ':pk': retentionSchedulePartition(closingMonth),
      ':bound': retentionScheduleSortBound(closedUpTo),
    },
  })
  return items.map((item) => ({ caseId: String(item.caseId), closedAt: String(item.closedAt) }))
}

/** Drops a schedule item whose case is gone or already anonymised (nothing left to do for it). */
export const dropScheduleEntry = async (entry: ScheduleEntry): Promise<void> => {
  await dynamo().send(new DeleteCommand({ TableName: table(), Key: scheduleKeyOf(entry) }))
}

/**
 * The tasks the case's workflow opened, found through its step markers (each names the
 * task its step opened): their decisions hold the findings, notes and reasons the case
 * holds, so they are anonymised with it.
 */
export const tasksOfCase = async (caseId: string): Promise<TaskRecord[]> => {
  const markers = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :step)',
    ExpressionAttributeValues: { ':pk': caseKey(caseId).pk, ':step': caseStepMarkerPrefix },
  })
  const taskIds = new Set(
    markers.flatMap((marker) => (typeof marker.taskId === 'string' ? [marker.taskId] : [])),
  )
  const items = await getEach(table(), [...taskIds].map(taskKey))
  return items.flatMap((item) => (item ? [taskOf(item)] : []))
}

/** A task decision replaced by its anonymised form, in the case's transaction. */
export interface AnonymisedDecision {
  taskId: string
  decision: Decision
}

const decisionUpdate = ({ taskId, decision }: AnonymisedDecision): TransactItem => ({
  Update: {
    TableName: table(),
    Key: taskKey(taskId),
    UpdateExpression: 'SET #decision = :decision',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#decision': 'decision' },
    ExpressionAttributeValues: { ':decision': decision },
  },
})

/** The Deletes of the draft verval rows a bansos case may have written (nama, alamat); none for other cases. */
const draftDeletes = (record: CaseRecord): TransactItem[] =>
  vervalDraftsOfCase(record).map((draft) => ({
    Delete: {
      TableName: table(),
      Key: vervalDraftKey(draft.kecamatan, draft.period, draft.program, draft.caseId),
    },
  }))

/**
 * Writes the anonymised decisions in transactions of at most 100 items, before the
 * case's own: idempotent (anonymising a decision twice gives the same decision), so a
 * run that fails after them leaves nothing the next run cannot finish.
 */
const anonymiseDecisionsAhead = async (decisions: readonly AnonymisedDecision[]) => {
  for (let start = 0; start < decisions.length; start += TRANSACTION_ITEMS)
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: decisions.slice(start, start + TRANSACTION_ITEMS).map(decisionUpdate),
      }),
    )
}

/** The case's Update to its anonymised form, only while it is the closed, not yet anonymised record read. */
const anonymiseUpdate = (record: CaseRecord, anonymised: CaseRecord): TransactItem => {
  const { set, remove } = anonymisedAttributes(record, anonymised)
  const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt' }
  const values: Record<string, unknown> = { ':closed': 'CLOSED', ':updatedAt': record.updatedAt }
  const sets = set.map((field, index) => {
    names[`#s${index}`] = field
    values[`:s${index}`] = anonymised[field]
    return `#s${index} = :s${index}`
  })
  const removes = remove.map((field, index) => {
    names[`#r${index}`] = field
    return `#r${index}`
  })
  names['#anonymisedAt'] = 'anonymisedAt'
  return {
    Update: {
      TableName: table(),
      Key: caseKey(record.caseId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression:
        '#status = :closed AND attribute_not_exists(#anonymisedAt) AND #updatedAt = :updatedAt',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * Anonymises one case: the case update, the schedule item's removal, the lookup item's
 * and draft rows' deletion, its task decisions and the audit entry in one transaction.
 * The decisions that would take it past DynamoDB's 100 items (a case of many REVISE or
 * reopening rounds) are anonymised first, in transactions of their own. `false` when the
 * case is no longer the closed, unanonymised record read (another run got there first):
 * the case is not written then.
 */
export const anonymiseCase = async (input: {
  record: CaseRecord
  anonymised: CaseRecord
  /** The case's task decisions that anonymising changes (none when no task holds free text). */
  decisions: readonly AnonymisedDecision[]
  actor: AuditActor
  retentionYears: number
  correlationId: string
  at: Date
}): Promise<boolean> => {
  const { record, anonymised } = input
  const { set, remove } = anonymisedAttributes(record, anonymised)
  const closedAt = record.closedAt ?? ''
  const caseItems: TransactItem[] = [
    anonymiseUpdate(record, anonymised),
    { Delete: { TableName: table(), Key: scheduleKeyOf({ caseId: record.caseId, closedAt }) } },
    // The possible-duplicate lookup item (ADR 0027) would still link the person's name
    // and birth year (as an HMAC) to the case; it goes with the rest.
    ...(record.personRef
      ? [{ Delete: { TableName: table(), Key: personLookupKey(record.personRef, record.caseId) } }]
      : []),
    ...draftDeletes(record),
  ]
  // What is left of the transaction once the case's own items and its audit Put are in it.
  const room = Math.max(0, TRANSACTION_ITEMS - caseItems.length - 1)
  const ahead = input.decisions.slice(0, Math.max(0, input.decisions.length - room))
  const along = input.decisions.slice(ahead.length)
  // Outside the try: a condition failing there is a task gone, not another run's case write.
  await anonymiseDecisionsAhead(ahead)
  try {
    await appendAudit(
      {
        entityId: auditEntityId.case(record.caseId),
        area: record.kecamatan,
        actor: input.actor,
        action: 'PII_ANONYMISED',
        // Field names only: the values are what this entry is about to erase.
        before: { status: record.status, closedAt },
        after: {
          anonymisedAt: anonymised.anonymisedAt ?? null,
          retentionYears: input.retentionYears,
          replaced: set,
          removed: remove,
          tasks: input.decisions.map((entry) => entry.taskId),
        },
        correlationId: input.correlationId,
      },
      { alongWith: [...caseItems, ...along.map(decisionUpdate)], at: input.at },
    )
    return true
  } catch (error) {
    if (failedConditionAt(error, 0)) return false
    throw error
  }
}
