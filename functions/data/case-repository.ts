/**
 * Cases in the main table (DESIGN §2): the case item with its gsi1 entry by area, the
 * reference lookup, the open-case marker per person and service, the reference
 * counter. Every change of a case is conditioned on its current status and carries its
 * audit entry in the same transaction.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor, JsonValue } from '../core/audit/audit-entry'
import type { CaseStatus } from '../core/catalog/case-statuses'
import type { CaseRecord } from '../core/case/case-record'
import type { CaseKind } from '../core/case/case-kind'
import { caseSmsDrafts } from '../core/outbox/case-sms'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { appendAudit, type TransactItem } from './audit-repository'
import { decodeCursor, nextCursorOf } from './cursor'
import { mailPut } from './outbox-repository'
import {
  auditEntityId,
  caseKey,
  caseReferenceKey,
  casesByAreaEntry,
  casesByAreaPartition,
  casesByFilingEntry,
  casesByKecamatanPrefix,
  openCaseKey,
} from './keys'
import { failedConditionAt } from './transaction-errors'

const table = () => env.mainTableName()

export const caseItem = (record: CaseRecord) => ({
  ...caseKey(record.caseId),
  ...casesByAreaEntry(record.kecamatan, record.status, record.updatedAt, record.caseId),
  ...casesByFilingEntry(record.kecamatan, record.createdAt, record.caseId),
  ...record,
})

/**
 * The intake request's correlation id, on the case item as filed (`CaseRecord.intakeCorrelationId`):
 * the case starter reads it from the item's stream record to start the workflow under it
 * (ADR 0050), as does a read that starts an unmarked case first.
 */
export const INTAKE_CORRELATION_ATTRIBUTE = 'intakeCorrelationId' satisfies keyof CaseRecord

/** `steps` is stored as a string set, absent while empty. */
export const recordOf = itemCodec<CaseRecord>({
  normalise: (record) => ({ ...record, steps: [...(record.steps ?? [])] }),
})

export const getCase = async (caseId: string): Promise<CaseRecord | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseKey(caseId), ConsistentRead: true }),
  )
  return Item ? recordOf(Item) : undefined
}

export const getCaseIdByReference = async (reference: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: caseReferenceKey(reference) }),
  )
  return Item?.caseId as string | undefined
}

export const getOpenCaseId = async (nikRef: string, service: string): Promise<string | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: openCaseKey(nikRef, service), ConsistentRead: true }),
  )
  return Item?.caseId as string | undefined
}

export interface CasePage {
  items: CaseRecord[]
  nextCursor: string | null
}

/**
 * What a case list filters after reading the index: the status across a kabupaten (within
 * one kecamatan it is part of the sort key) and the kind (issue 15 item 6; a case without
 * one is a service request, `LAYANAN`). A filtered page may hold fewer than `limit` cases;
 * its cursor goes on.
 */
const listFilter = (status: CaseStatus | undefined, kind: CaseKind | undefined) => {
  const conditions: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, string> = {}
  if (status !== undefined) {
    conditions.push('#status = :status')
    names['#status'] = 'status'
    values[':status'] = status
  }
  if (kind !== undefined) {
    conditions.push(kind === 'LAYANAN' ? '(attribute_not_exists(#kind) OR #kind = :kind)' : '#kind = :kind')
    names['#kind'] = 'kind'
    values[':kind'] = kind
  }
  return conditions.length === 0
    ? undefined
    : { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, values }
}

/** Cases of a kabupaten (optionally one kecamatan, one status and one kind), newest change last within a kecamatan. */
export const listCases = async (query: {
  kabupaten: string
  kecamatan?: string
  status?: CaseStatus
  kind?: CaseKind
  limit: number
  cursor?: string
}): Promise<CasePage> => {
  const byKecamatan = query.kecamatan !== undefined
  const partition = casesByAreaPartition(query.kabupaten)
  const prefix = byKecamatan ? casesByKecamatanPrefix(query.kecamatan ?? '', query.status) : ''
  // A cursor resumes only this query: the kabupaten's partition, the kecamatan's prefix.
  const startKey =
    query.cursor === undefined
      ? undefined
      : decodeCursor(
          query.cursor,
          [['pk', 'sk', 'gsi1pk', 'gsi1sk']],
          (key) => key.gsi1pk === partition && (key.gsi1sk ?? '').startsWith(prefix),
        )
  const filter = listFilter(byKecamatan ? undefined : query.status, query.kind)
  const { Items, LastEvaluatedKey } = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: byKecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ...(filter
        ? {
            FilterExpression: filter.FilterExpression,
            ExpressionAttributeNames: filter.ExpressionAttributeNames,
          }
        : {}),
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(byKecamatan ? { ':prefix': prefix } : {}),
        ...filter?.values,
      },
      Limit: query.limit,
      ExclusiveStartKey: startKey,
    }),
  )
  return { items: (Items ?? []).map(recordOf), nextCursor: nextCursorOf(LastEvaluatedKey) }
}

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
 * (withdrawn, say) is returned unchanged with `applied: false`.
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
  const updated = await getCase(record.caseId)
  if (!updated) throw new Error(`case ${record.caseId} vanished`)
  return { applied: true, record: updated }
}

/** The Delete of a case's open-case marker, only if it is still this case's; none for a case without NIK. */
export const releaseOpenMarker = (record: CaseRecord): TransactItem[] =>
  record.nikRef === undefined
    ? []
    : [
        {
          Delete: {
            TableName: table(),
            Key: openCaseKey(record.nikRef, record.service),
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': record.caseId },
          },
        },
      ]

/**
 * A case reopened for another service (ADR 0037) takes the person's open-case marker of
 * the new service (its closing released the old one), in the change that reopens it;
 * another open case of the person for that service fails the put (the decision checks
 * it first).
 */
export const takeOpenMarker = (record: CaseRecord, service: string): TransactItem[] =>
  record.nikRef === undefined
    ? []
    : [
        {
          Put: {
            TableName: table(),
            Item: { ...openCaseKey(record.nikRef, service), caseId: record.caseId },
            ConditionExpression: 'attribute_not_exists(pk) OR caseId = :caseId',
            ExpressionAttributeValues: { ':caseId': record.caseId },
          },
        },
      ]

/** What recording an issued NIK writes (ADR 0037); the derived fields come from the flow. */
export interface IssuedNik {
  nik: string
  nikRef: string
  identityStatus: NonNullable<CaseRecord['identityStatus']>
  nikRegisteredElsewhere: boolean
  regionFlags: NonNullable<CaseRecord['regionFlags']>
  /** Another open case of the same NIK and service: a warning, and this case takes no marker. */
  sameNikOpenCase?: string
}

/**
 * The case update and open-case marker of a NIK that adminduk issued (ADR 0037), written
 * with the task's decision: only on an open, not anonymised case that has no NIK yet.
 */
export const issuedNikItems = (record: CaseRecord, issued: IssuedNik, at: string): TransactItem[] => [
  {
    Update: {
      TableName: table(),
      Key: caseKey(record.caseId),
      UpdateExpression:
        'SET #applicant.#nik = :nik, #applicant.#nikStatus = :provided, #nikRef = :nikRef, #identity = :identity, #elsewhere = :elsewhere, #flags = :flags, #updatedAt = :at' +
        (issued.sameNikOpenCase ? ', #same = :same' : ''),
      ConditionExpression:
        '#status <> :closed AND attribute_not_exists(#nikRef) AND attribute_not_exists(#anonymisedAt)',
      ExpressionAttributeNames: {
        '#applicant': 'applicant',
        '#nik': 'nik',
        '#nikStatus': 'nikStatus',
        '#nikRef': 'nikRef',
        '#identity': 'identityStatus',
        '#elsewhere': 'nikRegisteredElsewhere',
        '#flags': 'regionFlags',
        '#updatedAt': 'updatedAt',
        '#status': 'status',
        '#anonymisedAt': 'anonymisedAt',
        ...(issued.sameNikOpenCase ? { '#same': 'sameNikOpenCase' } : {}),
      },
      ExpressionAttributeValues: {
        ':nik': issued.nik,
        ':provided': 'PROVIDED',
        ':nikRef': issued.nikRef,
        ':identity': issued.identityStatus,
        ':elsewhere': issued.nikRegisteredElsewhere,
        ':flags': issued.regionFlags,
        ':at': at,
        ':closed': 'CLOSED',
        ...(issued.sameNikOpenCase ? { ':same': issued.sameNikOpenCase } : {}),
      },
    },
  },
  ...(issued.sameNikOpenCase
    ? []
    : [
        {
          Put: {
            TableName: table(),
            Item: { ...openCaseKey(issued.nikRef, record.service), caseId: record.caseId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]),
]

export const markWorkflowStarted = async (caseId: string, at: string): Promise<void> => {
  await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: caseKey(caseId),
      UpdateExpression: 'SET workflowStartedAt = if_not_exists(workflowStartedAt, :at)',
      ExpressionAttributeValues: { ':at': at },
    }),
  )
}
