/**
 * The intake use case (DESIGN §4), shared by `POST /api/cases` and the HTML form: the
 * case written with everything that must hold with it, then its workflow started. A
 * failed start still answers 201: the case records that its workflow has not started,
 * and the next read of the case starts it. The workflow's first step marks it started.
 */
import { createHash, randomBytes } from 'node:crypto'
import canonicalize from 'canonicalize'
import { ulid } from 'ulid'
import type { AuditActor } from '../../core/audit/audit-entry'
import { kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { isSensitiveCategory } from '../../core/catalog/categories'
import { accessCodeFromBytes, ACCESS_CODE_LENGTH } from '../../core/case/access-code'
import { CONSENT_TEXT_VERSION } from '../../core/case/consent'
import type { CaseRecord } from '../../core/case/case-record'
import { birthYearFor, type Filer, identityStatusOf, personLookupText } from '../../core/case/filer'
import type { IntakeRequest } from '../../core/case/intake-schema'
import { referenceYear } from '../../core/case/reference'
import { nikRegisteredElsewhere, regionFlags } from '../../core/identity/validate-identity'
import { nikRefOf } from '../../core/identity/nik-ref'
import { getCase } from '../../data/case-repository'
import { getIdempotencyRecord, type IdempotencyRecord, writeIntake } from '../../data/intake-repository'
import { now } from '../../shared/clock'
import { nikPepper } from '../../shared/nik-pepper'
import { ConflictError } from '../../shared/errors'
import { maskPersonalText } from '../../core/identity/disclosure'
import { loadAreaIndex } from '../../data/area-source'
import { ensureWorkflowStarted, startIntakeWorkflow } from './workflow-control'
import { countMetric } from '../../observability/metrics'

export interface IntakeReceipt {
  caseId: string
  reference: string
  /** The resident's status key (DESIGN v3 §4); a replay answers the same one. */
  accessCode: string
  status: CaseRecord['status']
  /** Set when a NIK/KK-like number in the description was masked before it was stored. */
  descriptionMasked?: true
}

export const INTAKE_ROUTE = 'POST /api/cases'

/** Hash of the request as parsed JSON in canonical form: key order and spacing do not make another request. */
export const intakeBodyHash = (raw: unknown): string =>
  createHash('sha256')
    .update(canonicalize(raw) ?? '')
    .digest('hex')

const receiptOf = (record: CaseRecord, descriptionMasked = false): IntakeReceipt => ({
  caseId: record.caseId,
  reference: record.reference,
  accessCode: record.accessCode ?? '',
  status: record.status,
  ...(descriptionMasked ? { descriptionMasked: true } : {}),
})

const replay = async (
  existing: IdempotencyRecord,
  bodyHash: string,
  correlationId: string,
): Promise<IntakeReceipt> => {
  if (existing.bodyHash !== bodyHash)
    throw new ConflictError('Idempotency-Key ini sudah dipakai untuk permohonan yang berbeda.')
  const record = await getCase(existing.caseId)
  if (!record) throw new Error(`idempotency record points at missing case ${existing.caseId}`)
  await ensureWorkflowStarted(record, correlationId)
  // The first answer said IDENTIFICATION; a replay says the same, whatever happened since.
  return { ...receiptOf(record), status: 'IDENTIFICATION' }
}

/** Who files: the public form names a reporter in the body; a TKSK in the field is the caller (issue 15). */
const filerOf = (request: IntakeRequest, staff?: { staffId: string; name: string }): Filer => {
  if (staff) return { kind: 'TKSK', ...staff }
  return request.reporter ? { kind: 'REPORTER', reporter: request.reporter } : { kind: 'SELF' }
}

export const submitIntake = async (
  request: IntakeRequest,
  meta: {
    idempotencyKey?: string
    bodyHash: string
    actor: AuditActor
    correlationId: string
    /** Set when a TKSK files from the field (`POST /api/cases/field`). */
    staff?: { staffId: string; name: string }
  },
): Promise<IntakeReceipt> => {
  const at = now()
  if (meta.idempotencyKey) {
    const existing = await getIdempotencyRecord(INTAKE_ROUTE, meta.idempotencyKey, at.getTime())
    if (existing) return replay(existing, meta.bodyHash, meta.correlationId)
  }
  const { applicant } = request
  // Free text is stored masked (DESIGN §1): a NIK or the birth date typed into the
  // description never reaches the table.
  const description =
    request.description === undefined ? undefined : maskPersonalText(request.description, applicant)
  const flags = regionFlags(applicant, loadAreaIndex())
  const kecamatan = kecamatanOf(applicant.villageCode) ?? ''
  const createdAt = at.toISOString()
  const pepper = await nikPepper()
  const birthYear = birthYearFor(applicant, at.getUTCFullYear())
  const record: Omit<CaseRecord, 'reference'> = {
    caseId: ulid(at.getTime()),
    status: 'IDENTIFICATION',
    kecamatan,
    kabupaten: kabupatenOf(kecamatan) ?? '',
    applicant,
    ...(applicant.nik === undefined ? {} : { nikRef: nikRefOf(applicant.nik, pepper) }),
    nikRegisteredElsewhere:
      applicant.nik !== undefined && nikRegisteredElsewhere(applicant.nik, applicant.villageCode),
    filer: filerOf(request, meta.staff),
    identityStatus: identityStatusOf(applicant),
    ...(birthYear === undefined
      ? {}
      : { personRef: nikRefOf(personLookupText(applicant.name, birthYear, applicant.villageCode), pepper) }),
    ...(flags.length > 0 ? { regionFlags: flags } : {}),
    category: request.category,
    sensitive: isSensitiveCategory(request.category),
    service: request.service,
    ...(description ? { description } : {}),
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
        ? { idempotency: { route: INTAKE_ROUTE, key: meta.idempotencyKey, bodyHash: meta.bodyHash } }
        : {}),
      actor: meta.actor,
      correlationId: meta.correlationId,
    },
    at.getTime(),
  )
  if ('idempotentReplay' in result) return replay(result.idempotentReplay, meta.bodyHash, meta.correlationId)
  countMetric('CasesFiled')
  await startIntakeWorkflow(result.created, meta.correlationId)
  return receiptOf(result.created, description !== request.description)
}
