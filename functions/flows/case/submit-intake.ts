/**
 * The intake use case (DESIGN §4), shared by `POST /api/cases` and the HTML form: the
 * case written with everything that must hold with it (file-case.ts). Its workflow is
 * started from the case item's stream record (triggers/case-starter.ts, ADR 0050), not
 * before the answer; a case whose start failed is started by its next read.
 */
import { createHash } from 'node:crypto'
import canonicalize from 'canonicalize'
import { kecamatanOf } from '../../core/areas/area-code'
import { isSensitiveCategory } from '../../core/catalog/categories'
import type { CaseRecord } from '../../core/case/case-record'
import { birthYearFor, type Filer, identityStatusOf, personLookupText } from '../../core/case/filer'
import type { IntakeRequest } from '../../core/case/intake-schema'
import { referenceYear } from '../../core/case/reference'
import { nikRegisteredElsewhere, regionFlags } from '../../core/identity/validate-identity'
import { nikRefOf } from '../../core/identity/nik-ref'
import { maskPersonalText } from '../../core/identity/disclosure'
import { loadAreaIndex } from '../../data/area-source'
import { nikPepper } from '../../shared/nik-pepper'
import { fileCase, type FilingMeta } from './file-case'

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

/** Who files: the public form names a reporter in the body; a TKSK in the field is the caller (issue 15). */
const filerOf = (request: IntakeRequest, staff?: { staffId: string; name: string }): Filer => {
  if (staff) return { kind: 'TKSK', ...staff }
  return request.reporter ? { kind: 'REPORTER', reporter: request.reporter } : { kind: 'SELF' }
}

export const submitIntake = async (
  request: IntakeRequest,
  meta: FilingMeta & {
    /** Set when a TKSK files from the field (`POST /api/cases/field`). */
    staff?: { staffId: string; name: string }
  },
): Promise<IntakeReceipt> => {
  const { applicant } = request
  // Free text is stored masked (DESIGN §1): a NIK or the birth date typed into the
  // description never reaches the table.
  const description =
    request.description === undefined ? undefined : maskPersonalText(request.description, applicant)
  const filing = await fileCase(
    {
      name: INTAKE_ROUTE,
      conflictMessage: 'Idempotency-Key ini sudah dipakai untuk permohonan yang berbeda.',
    },
    meta,
    async (at) => {
      const flags = regionFlags(applicant, loadAreaIndex())
      const pepper = await nikPepper()
      const kecamatan = kecamatanOf(applicant.villageCode) ?? ''
      // The filing year is the kecamatan's, as the reference's: at 00:30 WIB on 1 January it
      // is still last year in UTC, and an age guessed then would miss the same person's case
      // filed that morning.
      const birthYear = birthYearFor(applicant, referenceYear(at, kecamatan))
      return {
        kecamatan,
        applicant,
        ...(applicant.nik === undefined ? {} : { nikRef: nikRefOf(applicant.nik, pepper) }),
        nikRegisteredElsewhere:
          applicant.nik !== undefined && nikRegisteredElsewhere(applicant.nik, applicant.villageCode),
        filer: filerOf(request, meta.staff),
        identityStatus: identityStatusOf(applicant),
        ...(birthYear === undefined
          ? {}
          : {
              personRef: nikRefOf(personLookupText(applicant.name, birthYear, applicant.villageCode), pepper),
            }),
        ...(flags.length > 0 ? { regionFlags: flags } : {}),
        category: request.category,
        sensitive: isSensitiveCategory(request.category),
        service: request.service,
        ...(description ? { description } : {}),
      }
    },
  )
  // The first answer said IDENTIFICATION; a replay says the same, whatever happened since.
  if ('replayed' in filing) return { ...receiptOf(filing.replayed), status: 'IDENTIFICATION' }
  return receiptOf(filing.created, description !== request.description)
}
