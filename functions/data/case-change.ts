/**
 * Changes of a case (DESIGN §2): every one is conditioned on the case's current status
 * and on its step not applied yet, and carries its audit entry and the resident's SMS in
 * the same transaction.
 */
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { CaseStatus } from '../core/catalog/case-statuses'
import type { CaseRecord } from '../core/case/case-record'
import { caseSmsDrafts } from '../core/outbox/case-sms'
import { env } from '../shared/env'
import { appendAudit, type TransactItem } from './audit-repository'
import { getCase } from './case-repository'
import { mailPut } from './outbox-repository'
import { auditEntityId, caseKey, casesByAreaEntry } from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

export interface CaseChange {
  /** Statuses the case may be in for the change to apply. */
  from: readonly CaseStatus[]
  /** Idempotency key of the step that makes the change: a replay finds it applied. */
  stepKey: string
  status?: CaseStatus
  set?: Partial<CaseRecord>
  /** Entries appended to a list attribute in the same update (no read-modify-write, so none is lost). */
  append?: Partial<Pick<CaseRecord, 'pendampingan' | 'previousReferrals'>>
  /** Attributes the case must not have for the change to apply (e.g. `anonymisedAt`). */
  absent?: readonly (keyof CaseRecord)[]
  /** Attributes to remove (e.g. `currentTaskId`). */
  remove?: readonly (keyof CaseRecord)[]
  /** Attribute paths (`followUp.taskId`) that must hold these values for the change to apply. */
  equals?: Readonly<Record<string, string | number>>
  audit: { action: string; actor: AuditActor; before?: JsonValue; after?: JsonValue; correlationId: string }
  alongWith?: readonly TransactItem[]
}

/**
 * `applied`: the record the change was given with the change on it (`caseAfter`), not read
 * back: every caller needs only what its own change decided (the status, the outcome, what
 * it set), and each workflow step reads the case afresh before it acts, so a writer that
 * changed the case since this change's read is seen by whoever comes next. Not applied:
 * the case as stored now, read fresh.
 */
export type ChangeResult = { applied: true; record: CaseRecord } | { applied: false; record: CaseRecord }

const changeUpdate = (record: CaseRecord, change: CaseChange, at: string): TransactItem => {
  const names: Record<string, string> = {
    '#status': 'status',
    '#steps': 'steps',
    '#updatedAt': 'updatedAt',
    '#gsi1sk': 'gsi1sk',
  }
  const values: Record<string, unknown> = {
    ':step': new Set([change.stepKey]),
    ':stepKey': change.stepKey,
    ':at': at,
  }
  const sets = ['#updatedAt = :at', '#gsi1sk = :gsi1sk']
  const status = change.status ?? record.status
  values[':gsi1sk'] = casesByAreaEntry(record.kecamatan, status, at, record.caseId).gsi1sk
  if (change.status) {
    sets.push('#status = :status', '#history = list_append(#history, :history)')
    names['#history'] = 'history'
    values[':status'] = change.status
    values[':history'] = [{ status: change.status, at }]
  }
  for (const [index, [field, value]] of Object.entries(change.set ?? {}).entries()) {
    names[`#f${index}`] = field
    values[`:f${index}`] = value
    sets.push(`#f${index} = :f${index}`)
  }
  for (const [index, [field, entries]] of Object.entries(change.append ?? {}).entries()) {
    names[`#a${index}`] = field
    values[`:a${index}`] = entries
    sets.push(`#a${index} = list_append(if_not_exists(#a${index}, :empty), :a${index})`)
    values[':empty'] = []
  }
  const removes = (change.remove ?? []).map((field, index) => {
    names[`#r${index}`] = field
    return `#r${index}`
  })
  const fromValues = change.from.map((status, index) => {
    values[`:from${index}`] = status
    return `:from${index}`
  })
  const absent = (change.absent ?? []).map((field, index) => {
    names[`#n${index}`] = field
    return ` AND attribute_not_exists(#n${index})`
  })
  const equals = Object.entries(change.equals ?? {}).map(([path, value], index) => {
    const segments = path.split('.').map((segment, depth) => {
      names[`#e${index}_${depth}`] = segment
      return `#e${index}_${depth}`
    })
    values[`:e${index}`] = value
    return ` AND ${segments.join('.')} = :e${index}`
  })
  return {
    Update: {
      TableName: table(),
      Key: caseKey(record.caseId),
      UpdateExpression: `SET ${sets.join(', ')} ADD #steps :step${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: `#status IN (${fromValues.join(', ')}) AND (attribute_not_exists(#steps) OR NOT contains(#steps, :stepKey))${absent.join('')}${equals.join('')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * The resident's SMS about a stage change (ADR 0028), put with the change itself: every
 * status change goes through here, so none can forget to tell the resident.
 */
const residentSms = (record: CaseRecord, change: CaseChange, at: string): TransactItem[] => {
  // Without an origination identity (AWS without the `smsOriginationIdentity` context) nothing could send them.
  if (!env.smsOriginationIdentity()) return []
  const next = {
    ...(change.status ? { status: change.status } : {}),
    ...(change.set?.outcome ? { outcome: change.set.outcome } : {}),
  }
  return caseSmsDrafts(record, next, `${env.publicBaseUrl()}/status`).map((sms) => mailPut(sms, at))
}

/**
 * Applies a change of a case with its audit entry, once: a replayed step (same
 * `stepKey`) finds it applied and changes nothing; a case that moved on meanwhile
 * (withdrawn, say) is returned as it is now with `applied: false`. One store call when
 * it applies (see `ChangeResult`).
 */
export const changeCase = async (
  record: CaseRecord,
  change: CaseChange,
  at: string,
): Promise<ChangeResult> => {
  try {
    await appendAudit(
      {
        entityId: auditEntityId.case(record.caseId),
        area: record.kecamatan,
        actor: change.audit.actor,
        action: change.audit.action,
        before: change.audit.before ?? { status: record.status },
        after: change.audit.after ?? { status: change.status ?? record.status },
        correlationId: change.audit.correlationId,
      },
      {
        alongWith: [
          changeUpdate(record, change, at),
          ...(change.alongWith ?? []),
          ...residentSms(record, change, at),
        ],
        at: new Date(at),
      },
    )
  } catch (error) {
    if (!failedConditionAt(error, 0)) throw error
    const current = await getCase(record.caseId)
    if (!current) throw error
    return { applied: false, record: current }
  }
  return { applied: true, record: caseAfter(record, change, at) }
}

/**
 * The case as `changeUpdate` leaves the record it was built from: the same fields set,
 * appended, removed, the status with its history entry, the step key and `updatedAt`.
 * test/integration/case/step-store-calls.test.ts holds it equal to a read after the write.
 */
export const caseAfter = (record: CaseRecord, change: CaseChange, at: string): CaseRecord => {
  const appended = Object.fromEntries(
    Object.entries(change.append ?? {}).map(([field, entries]) => [
      field,
      [...(record[field as keyof NonNullable<CaseChange['append']>] ?? []), ...entries],
    ]),
  ) as Partial<CaseRecord>
  const after: CaseRecord = {
    ...record,
    ...change.set,
    ...appended,
    ...(change.status
      ? { status: change.status, history: [...record.history, { status: change.status, at }] }
      : {}),
    updatedAt: at,
    steps: [...(record.steps ?? []), change.stepKey],
  }
  for (const field of change.remove ?? []) delete after[field]
  return after
}
