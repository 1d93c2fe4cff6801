/**
 * What every filing of a new case shares (the intake of DESIGN §4, a bansos complaint of
 * ADR 0036): the idempotency replay, the fields every new case starts with, and the
 * intake's one transaction (reference, counter, idempotency record, `CASE_CREATED`). The
 * filing names only its route and the fields it decides from its body. The new case's
 * workflow is started from the case item's stream record (functions/triggers/case-starter.ts,
 * ADR 0050), not before the answer: the intake waits on no call it does not need. A replay
 * and every later read start a case whose first step has not marked it (the start-once
 * policy), so a start the stream lost is made up.
 */
import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import type { AuditActor } from '../../core/audit/audit-entry'
import { kabupatenOf } from '../../core/areas/area-code'
import { accessCodeFromBytes, ACCESS_CODE_LENGTH } from '../../core/case/access-code'
import type { CaseRecord } from '../../core/case/case-record'
import { CONSENT_TEXT_VERSION } from '../../core/case/consent'
import { referenceYear } from '../../core/case/reference'
import { getCase } from '../../data/case-repository'
import { getIdempotencyRecord, type IdempotencyRecord, writeIntake } from '../../data/intake-repository'
import { countMetric } from '../../observability/metrics'
import { now } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'
import { ensureWorkflowStarted } from './workflow-control'

export interface FilingMeta {
  idempotencyKey?: string
  bodyHash: string
  actor: AuditActor
  correlationId: string
}

/** The fields a filing decides from its body; every other field of a new case is the same for all. */
export type FiledFields = Omit<
  CaseRecord,
  | 'reference'
  | 'caseId'
  | 'status'
  | 'kabupaten'
  | 'consentVersion'
  | 'accessCode'
  | 'createdAt'
  | 'updatedAt'
  | 'history'
>

/** The case written now, or the one an earlier request with the same Idempotency-Key wrote. */
export type Filing = { created: CaseRecord } | { replayed: CaseRecord }

export const fileCase = async (
  route: { name: string; conflictMessage: string },
  meta: FilingMeta,
  fieldsAt: (at: Date) => FiledFields | Promise<FiledFields>,
): Promise<Filing> => {
  const replay = async (existing: IdempotencyRecord): Promise<Filing> => {
    if (existing.bodyHash !== meta.bodyHash) throw new ConflictError(route.conflictMessage)
    const record = await getCase(existing.caseId)
    if (!record) throw new Error(`idempotency record points at missing case ${existing.caseId}`)
    await ensureWorkflowStarted(record, meta.correlationId)
    return { replayed: record }
  }

  const at = now()
  if (meta.idempotencyKey) {
    const existing = await getIdempotencyRecord(route.name, meta.idempotencyKey, at.getTime())
    if (existing) return replay(existing)
  }
  const fields = await fieldsAt(at)
  const createdAt = at.toISOString()
  const record: Omit<CaseRecord, 'reference'> = {
    caseId: ulid(at.getTime()),
    status: 'IDENTIFICATION',
    kabupaten: kabupatenOf(fields.kecamatan) ?? '',
    ...fields,
    consentVersion: CONSENT_TEXT_VERSION,
    accessCode: accessCodeFromBytes(randomBytes(ACCESS_CODE_LENGTH)),
    createdAt,
    updatedAt: createdAt,
    history: [{ status: 'IDENTIFICATION', at: createdAt }],
  }
  const result = await writeIntake(
    {
      record,
      year: referenceYear(at, fields.kecamatan),
      ...(meta.idempotencyKey
        ? { idempotency: { route: route.name, key: meta.idempotencyKey, bodyHash: meta.bodyHash } }
        : {}),
      actor: meta.actor,
      correlationId: meta.correlationId,
    },
    at.getTime(),
  )
  if ('idempotentReplay' in result) return replay(result.idempotentReplay)
  countMetric('CasesFiled')
  return { created: result.created }
}
