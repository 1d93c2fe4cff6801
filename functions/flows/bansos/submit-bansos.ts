/**
 * Filing a complaint, proposal or objection (issue 15 item 4, ADR 0036), shared by
 * `POST /api/bansos` and the page "Pengaduan & Usulan Bansos": the case is written by the
 * intake's own transaction (reference, counter, idempotency record, `CASE_CREATED`), then
 * its short workflow is started by the same start-once policy. No NIK is asked, so no
 * open-case marker nor person lookup is written.
 */
import { kecamatanOf } from '../../core/areas/area-code'
import { bansosCaseFields } from '../../core/bansos/bansos-case'
import type { BansosBody } from '../../core/bansos/bansos-schema'
import type { CaseRecord } from '../../core/case/case-record'
import { maskPersonalText } from '../../core/identity/disclosure'
import { fileCase, type FilingMeta } from '../case/file-case'

export const BANSOS_ROUTE = 'POST /api/bansos'

export interface BansosReceipt {
  caseId: string
  reference: string
  accessCode: string
  kind: BansosBody['kind']
  status: CaseRecord['status']
}

export const submitBansos = async (body: BansosBody, meta: FilingMeta): Promise<BansosReceipt> => {
  const filing = await fileCase(
    {
      name: BANSOS_ROUTE,
      conflictMessage: 'Idempotency-Key ini sudah dipakai untuk pengajuan yang berbeda.',
    },
    meta,
    () => {
      const fields = bansosCaseFields(body)
      return {
        kecamatan: kecamatanOf(fields.applicant.villageCode) ?? '',
        applicant: fields.applicant,
        nikRegisteredElsewhere: false,
        kind: fields.kind,
        bansos: fields.bansos,
        category: fields.category,
        sensitive: false,
        service: fields.service,
        // Free text is stored masked (DESIGN §1), like an intake's description.
        description: maskPersonalText(fields.description, fields.applicant),
      }
    },
  )
  const record = 'created' in filing ? filing.created : filing.replayed
  // The first answer said IDENTIFICATION; a replay says the same, whatever happened since.
  return {
    caseId: record.caseId,
    reference: record.reference,
    accessCode: record.accessCode ?? '',
    kind: record.kind as BansosBody['kind'],
    status: 'IDENTIFICATION',
  }
}
