/**
 * The intake transaction (DESIGN §2, §4): the case, its reference, the open-case marker
 * of the person and service, the kecamatan's reference counter, the idempotency record
 * and the first audit entry, all or nothing. The counter is taken inside that transaction
 * (`reference-counter.ts`, ADR 0042): a stale guess of its value retries with the value the
 * cancellation reports, so a number is never given twice nor skipped by a failed intake;
 * finding an open case already there records the new one as its duplicate, which the
 * workflow then closes.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditActor } from '../core/audit/audit-entry'
import type { CaseRecord } from '../core/case/case-record'
import { formatReference } from '../core/case/reference'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { appendAudit } from './audit-repository'
import { DataBusyError } from './data-errors'
import { caseItem, getOpenCaseId, INTAKE_CORRELATION_ATTRIBUTE } from './case-repository'
import { auditEntityId, caseReferenceKey, idempotencyKey, openCaseKey, personLookupKey } from './keys'
import {
  advanceCounterPast,
  counterCommitted,
  counterUpdateItem,
  inCounterTurn,
  knownCounterValue,
  learnFromCancellation,
  type ReferenceCounter,
} from './reference-counter'
import { conflictedWithAnother, namedItems } from './transaction-errors'
import { pauseBeforeRetry } from './retry-pause'

const table = () => env.mainTableName()
/** Attempts against races on the counter, the open-case marker and the idempotency record. */
const ATTEMPTS = 10
const backoff = (attempt: number): Promise<void> => pauseBeforeRetry(attempt, { baseMs: 10, capMs: 200 })
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

type IntakeItemName = 'case' | 'reference' | 'counter' | 'openCase' | 'person' | 'idempotency'

type AttemptOutcome = { created: CaseRecord } | { error: unknown; failed: (name: IntakeItemName) => boolean }

/**
 * One intake transaction taking `serial` from the counter. Run in the counter's turn: a
 * cancellation's news of the counter is learnt before the next intake of this process
 * builds its guess.
 */
const attemptIntake = async (
  write: IntakeWrite,
  counter: ReferenceCounter,
  serial: number,
  duplicateOf: string | undefined,
  nowMs: number,
): Promise<AttemptOutcome> => {
  const { record, year, idempotency } = write
  const created: CaseRecord = {
    ...record,
    reference: formatReference(record.kecamatan, year, serial),
    ...(duplicateOf ? { duplicateOf } : {}),
  }
  const transaction = namedItems<IntakeItemName>({
    case: {
      Put: {
        TableName: table(),
        // The stream record of this item starts the workflow (ADR 0050) under the intake's correlation id.
        Item: { ...caseItem(created), [INTAKE_CORRELATION_ATTRIBUTE]: write.correlationId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    reference: {
      Put: {
        TableName: table(),
        Item: { ...caseReferenceKey(created.reference), caseId: created.caseId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    counter: counterUpdateItem(counter, serial),
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
    counterCommitted(counter, serial)
    return { created }
  } catch (error) {
    learnFromCancellation(counter, error, transaction.indexOf('counter') ?? -1)
    return { error, failed: (name) => transaction.failed(error, name) }
  }
}

export const writeIntake = async (write: IntakeWrite, nowMs: number): Promise<IntakeResult> => {
  const { record, year } = write
  const counter: ReferenceCounter = { table: table(), kecamatan: record.kecamatan, year }
  let counterMisses = 0
  // Most intakes are a person's only open request for the service: the first attempt
  // writes the open-case marker on the condition that none exists, and reads the marker
  // only when that condition failed (then the case is recorded as a duplicate of it).
  let markerSeen = false
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    // A person without NIK has no open-case marker: the duplicate warning (person lookup) stands in.
    const duplicateOf =
      record.nikRef !== undefined && markerSeen
        ? await getOpenCaseId(record.nikRef, record.service)
        : undefined
    let serial = 0
    const outcome = await inCounterTurn(counter, () => {
      serial = (knownCounterValue(counter) ?? 0) + 1
      return attemptIntake(write, counter, serial, duplicateOf, nowMs)
    })
    if ('created' in outcome) return outcome
    const { error, failed } = outcome
    if (write.idempotency && failed('idempotency')) {
      const existing = await getIdempotencyRecord(write.idempotency.route, write.idempotency.key, nowMs)
      if (existing) return { idempotentReplay: existing }
      await backoff(attempt)
      continue
    }
    // The counter moved on (another Lambda took a number) or was never seen here: the
    // cancellation told its value. Its reference may be taken too; that is the same news.
    const counterMoved = failed('counter')
    const referenceTaken = !counterMoved && failed('reference')
    // A counter restored behind its references: stored past the taken number, so the next
    // attempt (and the next request) starts after it.
    if (referenceTaken) await inCounterTurn(counter, () => advanceCounterPast(counter, serial))
    const markerMet = failed('openCase')
    if (markerMet && !markerSeen) {
      // The optimistic first write met a marker: read it now, no race to back off from.
      markerSeen = true
      continue
    }
    // The open-case marker appeared or went, a restored counter, or another writer's
    // transaction on the counter at the same moment: back off and try again.
    if (markerMet || referenceTaken || conflictedWithAnother(error)) {
      await backoff(attempt)
      continue
    }
    if (counterMoved) {
      // A first miss is a stale guess, retried at once; more mean other writers keep
      // taking numbers right now.
      counterMisses += 1
      if (counterMisses > 1) await backoff(attempt)
      continue
    }
    throw error
  }
  // Our contention, not the resident's mistake: the HTTP runtime answers 503, retry-after.
  throw new DataBusyError()
}
