/**
 * Filing a complaint, proposal or objection (issue 15 item 4, ADR 0036), shared by
 * `POST /api/bansos` and the page "Pengaduan & Usulan Bansos": the case is written by the
 * intake's own transaction (reference, counter, idempotency record, `CASE_CREATED`), then
 * its short workflow is started by the same start-once policy. No NIK is asked, so no
 * open-case marker nor person lookup is written.
 */
import { randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import type { AuditActor } from '../../core/audit/audit-entry'
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { bansosCaseFields } from '../../core/bansos/bansos-case'
import type { BansosBody } from '../../core/bansos/bansos-schema'
import { accessCodeFromBytes, ACCESS_CODE_LENGTH } from '../../core/case/access-code'
import type { CaseRecord } from '../../core/case/case-record'
import { CONSENT_TEXT_VERSION } from '../../core/case/consent'
import { referenceYear } from '../../core/case/reference'
import { maskPersonalText } from '../../core/identity/disclosure'
import { getCase } from '../../data/case-repository'
import { getIdempotencyRecord, type IdempotencyRecord, writeIntake } from '../../data/intake-repository'
import { countMetric } from '../../observability/metrics'
import { now } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'
import { ensureWorkflowStarted, startIntakeWorkflow } from '../case/workflow-control'

export const BANSOS_ROUTE = 'POST /api/bansos'

export interface BansosReceipt {
  caseId: string
  reference: string
  accessCode: string
  kind: BansosBody['kind']
  status: CaseRecord['status']
}

const receiptOf = (record: CaseRecord): BansosReceipt => ({
  caseId: record.caseId,
  reference: record.reference,
  accessCode: record.accessCode ?? '',
  kind: record.kind as BansosBody['kind'],
  status: 'IDENTIFICATION',
})

const replay = async (existing: IdempotencyRecord, bodyHash: string, correlationId: string) => {
  if (existing.bodyHash !== bodyHash)
    throw new ConflictError('Idempotency-Key ini sudah dipakai untuk pengajuan yang berbeda.')
  const record = await getCase(existing.caseId)
  if (!record) throw new Error(`idempotency record points at missing case ${existing.caseId}`)
  await ensureWorkflowStarted(record, correlationId)
  return receiptOf(record)
}

export const submitBansos = async (
  body: BansosBody,
  meta: { idempotencyKey?: string; bodyHash: string; actor: AuditActor; correlationId: string },
): Promise<BansosReceipt> => {
  const at = now()
  if (meta.idempotencyKey) {
    const existing = await getIdempotencyRecord(BANSOS_ROUTE, meta.idempotencyKey, at.getTime())
    if (existing) return replay(existing, meta.bodyHash, meta.correlationId)
  }
  const fields = bansosCaseFields(body)
  const kecamatan = kecamatanOf(fields.applicant.villageCode) ?? ''
  const createdAt = at.toISOString()
  const record: Omit<CaseRecord, 'reference'> = {
    caseId: ulid(at.getTime()),
    status: 'IDENTIFICATION',
    kecamatan,
    kabupaten: kabupatenOf(kecamatan) ?? '',
    applicant: fields.applicant,
    nikRegisteredElsewhere: false,
    kind: fields.kind,
    bansos: fields.bansos,
    category: fields.category,
    sensitive: false,
    service: fields.service,
    // Free text is stored masked (DESIGN §1), like an intake's description.
    description: maskPersonalText(fields.description, fields.applicant),
    consentVersion: CONSENT_TEXT_VERSION,
    accessCode: accessCodeFromBytes(randomBytes(ACCESS_CODE_LENGTH)),
    createdAt,
    updatedAt: createdAt,
    history: [{ status: 'IDENTIFICATION', at: createdAt }],
  }
  const result = await writeIntake(
    {
      record,
      year: referenceYear(at, kecamatan),
      ...(meta.idempotencyKey
        ? { idempotency: { route: BANSOS_ROUTE, key: meta.idempotencyKey, bodyHash: meta.bodyHash } }
        : {}),
      actor: meta.actor,
      correlationId: meta.correlationId,
    },
    at.getTime(),
  )
  if ('idempotentReplay' in result) return replay(result.idempotentReplay, meta.bodyHash, meta.correlationId)
  countMetric('CasesFiled')
  await startIntakeWorkflow(result.created, meta.correlationId)
  return receiptOf(result.created)
}
