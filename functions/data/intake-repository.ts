/**
 * The intake transaction (DESIGN §2, §4): the case, its reference, the open-case marker
 * of the person and service, the kecamatan's reference counter, the idempotency record
 * and the first audit entry, all or nothing. Losing a race for the counter retries with
 * the next number (so a number is never given twice); finding an open case already
 * there records the new one as its duplicate, which the workflow then closes.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import type { CaseRecord } from '../core/case/case-record'
import { formatReference } from '../core/case/reference'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { DataBusyError } from './data-errors'
import { caseItem, getOpenCaseId } from './case-repository'
import {
  auditEntityId,
  caseReferenceKey,
  idempotencyKey,
  openCaseKey,
  personLookupKey,
  referenceCounterKey,
} from './keys'
import { namedItems } from './transaction-errors'

const table = () => env.mainTableName()
/** Attempts against races on the open-case marker and the idempotency record. */
const ATTEMPTS = 10
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)))
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60

export interface IdempotencyRecord {
  caseId: string
  bodyHash: string
}

export const getIdempotencyRecord = async (route: string, key: string, nowMs: number) => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: table(), Key: idempotencyKey(route, key), ConsistentRead: true }),
  )
  // TTL deletion lags; an expired record no longer binds the key.
  if (!Item || (Item.expiresAt as number) * 1000 < nowMs) return undefined
  return { caseId: Item.caseId as string, bodyHash: Item.bodyHash as string } satisfies IdempotencyRecord
}

/**
 * The reference number comes from an atomic counter (DESIGN §1): one `ADD` per intake,
 * so concurrent intakes of a kecamatan never wait for each other, and a number is never
 * handed out twice. A number is only skipped when its intake then fails for good (or a
 * concurrent retry of the same request won) — it is never reused.
 */
const allocateSerial = async (kecamatan: string, year: number): Promise<number> => {
  const { Attributes } = await dynamo().send(
    new UpdateCommand({
      TableName: table(),
      Key: referenceCounterKey(kecamatan, year),
      UpdateExpression: 'ADD #value :one',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return Attributes?.value as number
}

export interface IntakeWrite {
  /** The case without reference (assigned here) and without duplicateOf (found here). */
  record: Omit<CaseRecord, 'reference'>
  year: number
  idempotency?: { route: string; key: string; bodyHash: string }
  actor: AuditActor
  correlationId: string
}

export type IntakeResult = { created: CaseRecord } | { idempotentReplay: IdempotencyRecord }

/** The open-case marker of the person and service: taken, or checked when this case repeats an open one. */
const openCaseItem = (nikRef: string | undefined, service: string, caseId: string, duplicateOf?: string) => {
  if (nikRef === undefined) return undefined
  return duplicateOf
    ? {
        ConditionCheck: {
          TableName: table(),
          Key: openCaseKey(nikRef, service),
          ConditionExpression: 'caseId = :open',
          ExpressionAttributeValues: { ':open': duplicateOf },
        },
      }
    : {
        Put: {
          TableName: table(),
          Item: { ...openCaseKey(nikRef, service), caseId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }
}

export class IdempotencyConflict extends Error {}

export const writeIntake = async (write: IntakeWrite, nowMs: number): Promise<IntakeResult> => {
  const { record, year } = write
  let serial: number | undefined
  // Most intakes are a person's only open request for the service: the first attempt
  // writes the open-case marker on the condition that none exists, and reads the marker
  // only when that condition failed (then the case is recorded as a duplicate of it).
  let markerSeen = false
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    serial ??= await allocateSerial(record.kecamatan, year)
    // A person without NIK has no open-case marker: the duplicate warning (person lookup) stands in.
    const duplicateOf =
      record.nikRef !== undefined && markerSeen
        ? await getOpenCaseId(record.nikRef, record.service)
        : undefined
    const created: CaseRecord = {
      ...record,
      reference: formatReference(record.kecamatan, year, serial),
      ...(duplicateOf ? { duplicateOf } : {}),
    }
    const idempotency = write.idempotency
    const transaction = namedItems({
      case: {
        Put: { TableName: table(), Item: caseItem(created), ConditionExpression: 'attribute_not_exists(pk)' },
      },
      reference: {
        Put: {
          TableName: table(),
          Item: { ...caseReferenceKey(created.reference), caseId: created.caseId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      openCase: openCaseItem(record.nikRef, record.service, created.caseId, duplicateOf),
      person:
        record.personRef === undefined
          ? undefined
          : {
              Put: {
                TableName: table(),
                Item: {
                  ...personLookupKey(record.personRef, created.caseId),
                  caseId: created.caseId,
                  reference: created.reference,
                  createdAt: created.createdAt,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
      idempotency: idempotency && {
        Put: {
          TableName: table(),
          Item: {
            ...idempotencyKey(idempotency.route, idempotency.key),
            caseId: created.caseId,
            bodyHash: idempotency.bodyHash,
            expiresAt: Math.floor(nowMs / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          // An expired record (TTL not yet run) may be replaced.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :nowSeconds',
          ExpressionAttributeValues: { ':nowSeconds': Math.floor(nowMs / 1000) },
        },
      },
    })
    try {
      await appendAudit(
        {
          entityId: auditEntityId.case(created.caseId),
          area: created.kecamatan,
          actor: write.actor,
          action: 'CASE_CREATED',
          before: null,
          after: {
            reference: created.reference,
            ...(created.kind ? { kind: created.kind, program: created.bansos?.program ?? null } : {}),
            status: created.status,
            category: created.category,
            service: created.service,
            villageCode: created.applicant.villageCode,
            consentVersion: created.consentVersion,
            filer: created.filer?.kind ?? 'SELF',
            ...(created.filer?.kind === 'TKSK' ? { filedBy: created.filer.staffId } : {}),
            ...(created.filer?.kind === 'REPORTER'
              ? { reporterRelation: created.filer.reporter.relation }
              : {}),
            identityStatus: created.identityStatus ?? 'COMPLETE',
            ...(duplicateOf ? { duplicateOf } : {}),
          },
          correlationId: write.correlationId,
        },
        // The case's id is minted for this intake: its audit chain starts here.
        { alongWith: transaction.items, at: new Date(nowMs), newEntity: true },
      )
      return { created }
    } catch (error) {
      if (idempotency && transaction.failed(error, 'idempotency')) {
        const existing = await getIdempotencyRecord(idempotency.route, idempotency.key, nowMs)
        if (existing) return { idempotentReplay: existing }
        await backoff(attempt)
        continue
      }
      // The reference exists already (a counter restored from a backup): take the next number.
      if (transaction.failed(error, 'reference')) serial = undefined
      if (transaction.failed(error, 'openCase') && !markerSeen) {
        // The optimistic first write met a marker: read it now, no race to back off from.
        markerSeen = true
        continue
      }
      // The open-case marker appeared or went: read it again and retry.
      if (transaction.failed(error, 'reference') || transaction.failed(error, 'openCase')) {
        await backoff(attempt)
        continue
      }
      throw error
    }
  }
  // Our contention, not the resident's mistake: the HTTP runtime answers 503, retry-after.
  throw new DataBusyError()
}
