/**
 * A NIK issued through "Rujukan adminduk" (issue 15, ADR 0037): the desa or Disdukcapil
 * answers the task with the new NIK, which is checked as at intake (DESIGN §1: structure,
 * province, the birth date it encodes against the person's), then recorded on the case in
 * the decision's own transaction: the NIK, its `nikRef`, the identity status, the region
 * flags, and the duplicate check run again (the open-case marker of the NIK and service,
 * or a warning naming the other open case).
 */
import type { CaseRecord } from '../../core/case/case-record'
import { identityStatusOf } from '../../core/case/filer'
import { nikRefOf } from '../../core/identity/nik-ref'
import { nikRegisteredElsewhere, regionFlags, validateNik } from '../../core/identity/validate-identity'
import { loadAreaIndex } from '../../data/area-source'
import { getOpenCaseId } from '../../data/case-repository'
import { type IssuedNik } from '../../data/issued-nik-items'
import { ConflictError, ValidationError } from '../../shared/errors'
import { nikPepper } from '../../shared/nik-pepper'

export const issuedNikFor = async (record: CaseRecord, nik: string): Promise<IssuedNik> => {
  const areas = loadAreaIndex()
  const issues = validateNik(nik, {
    isProvince: (code) => areas.isProvince(code),
    birthDate: record.applicant.birthDate,
  })
  if (issues.length > 0)
    throw new ValidationError(issues.map((issue) => ({ path: 'nik', message: issue.message })))
  if (record.nikRef !== undefined) throw new ConflictError('Kasus ini sudah memiliki NIK.')
  const nikRef = nikRefOf(nik, await nikPepper())
  const applicant = { ...record.applicant, nik }
  const open = await getOpenCaseId(nikRef, record.service)
  return {
    nik,
    nikRef,
    identityStatus: identityStatusOf(applicant),
    nikRegisteredElsewhere: nikRegisteredElsewhere(nik, applicant.villageCode),
    regionFlags: regionFlags(applicant, areas),
    ...(open !== undefined && open !== record.caseId ? { sameNikOpenCase: open } : {}),
  }
}
