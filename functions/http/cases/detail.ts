/**
 * `GET /api/cases/{caseId}` (DESIGN §4): the case with its timeline (the audit chain),
 * NIK/KK masked and the birth date as its year only (`maskIdentity`). A read of a
 * sensitive-category case is itself audited. Free text (description, findings, reasons)
 * is masked again on the way out, whatever was stored before write-time masking existed.
 *
 * `POST /api/cases/{caseId}/reveal {purpose}` (DESIGN v3 §4): the roles that serve the
 * person see NIK/KK and the birth date in full, recorded as `PII_READ` with the purpose
 * before anything is answered. A POST (with the CSRF token under a cookie session), so a
 * link in a chat cannot write a `PII_READ` in the name of whoever clicks it.
 */
import { can } from '../../core/authorization/can'
import { type CaseRecord, caseSummary, maskedApplicant } from '../../core/case/case-record'
import { maskPersonalDeep, maskPersonalText } from '../../core/identity/disclosure'
import { appendAudit, readChain } from '../../data/audit-repository'
import { getCase } from '../../data/case-repository'
import { possibleDuplicates } from '../../data/person-lookup-repository'
import { auditEntityId } from '../../data/keys'
import { openFollowUpOf } from '../../flows/case/follow-up-offer'
import { ensureWorkflowStarted } from '../../flows/case/workflow-control'
import type { User } from '../../core/identity/user'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../runtime/action'
import { parseJsonBody, parseQuery, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { countMetric } from '../../observability/metrics'
import { caseIdSchema, detailQuerySchema, revealBodySchema } from './schemas'

/**
 * The audit entry of this read, if it needs one: every reveal, and every read of a
 * sensitive case. The purpose is free text about the person and may quote the birth date
 * (or the NIK): it is kept like the case's other free text (DESIGN §1), because auditors
 * read it beside the masked NIK, and date + mask = NIK.
 */
const readAudit = (purpose: string | undefined, record: CaseRecord) => {
  if (purpose !== undefined)
    return {
      action: 'PII_READ',
      after: {
        purpose: maskPersonalText(purpose, record.applicant),
        fields: ['applicant.nik', 'applicant.kk', 'applicant.birthDate'],
      },
    }
  return record.sensitive ? { action: 'SENSITIVE_CASE_READ', after: { purpose: 'case detail' } } : undefined
}

/** The case as the caller may see it; `revealPurpose` unmasks NIK/KK (audited first). */
const caseDetail = async (request: RequestContext & { user: User }, revealPurpose?: string) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const reveal = revealPurpose !== undefined
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  const scope = { area: record.kecamatan }
  if (!can(request.user, 'case:read', scope)) throw new ForbiddenError()
  if (reveal && !can(request.user, 'case:reveal', scope))
    throw new ForbiddenError('Anda tidak berwenang membuka NIK dan No. KK.')
  await ensureWorkflowStarted(record, request.correlationId)
  const audit = readAudit(revealPurpose, record)
  // Written before the answer: a reveal that could not be recorded is not shown.
  if (audit) {
    await appendAudit({
      entityId: auditEntityId.case(caseId),
      area: record.kecamatan,
      actor: { id: request.user.id, role: request.user.role },
      ...audit,
      correlationId: request.correlationId,
    })
  }
  if (reveal) countMetric('PiiReads')
  const chain = await readChain(auditEntityId.case(caseId))
  const view = maskPersonalDeep(
    {
      ...caseSummary(record),
      applicant: maskedApplicant(record.applicant),
      nikRegisteredElsewhere: record.nikRegisteredElsewhere,
      regionFlags: record.regionFlags ?? [],
      filer: record.filer ?? { kind: 'SELF' },
      identityStatus: record.identityStatus ?? 'COMPLETE',
      // Same name, birth year and desa (issue 15): a warning for the TKSK, never a merge.
      possibleDuplicates: record.personRef ? await possibleDuplicates(record.personRef, record.caseId) : [],
      ...(record.description ? { description: record.description } : {}),
      // A complaint, proposal or objection (ADR 0036): its program and type, who filed, the verification's end.
      ...(record.bansos ? { bansos: record.bansos } : {}),
      ...(record.resolution ? { resolution: record.resolution } : {}),
      consentVersion: record.consentVersion,
      assignee: record.assignee ? { id: record.assignee.id, name: record.assignee.name } : null,
      assessment: record.assessment ?? null,
      recommendation: record.recommendation ?? null,
      approval: record.approval ?? null,
      referral: record.referral ?? null,
      // Earlier services of the same case and the TKSK's last request for another (ADR 0037).
      previousReferrals: record.previousReferrals ?? [],
      anotherService: record.anotherService ?? null,
      // The TKSK's open offer of another service on a case a result closed (ADR 0037).
      followUp: await openFollowUpOf(record),
      // Found when adminduk's NIK was recorded (ADR 0037): a warning, never a merge.
      sameNikOpenCase: record.sameNikOpenCase ?? null,
      pendampingan: record.pendampingan ?? [],
      ...(record.letterCode ? { letterCode: record.letterCode } : {}),
      ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
      history: record.history,
      timeline: chain.map(({ seq, at, action, actor, after }) => ({
        seq,
        at,
        action,
        actor: { id: actor.id, role: actor.role },
        after,
      })),
    },
    record.applicant,
  )
  return json(200, {
    ...view,
    ...(reveal ? { applicant: record.applicant } : {}),
    // Staff read it to a resident who lost it (DESIGN v3 §4); it opens only the status page.
    // Null for the reviewers (auditor, admin), who have no resident to tell it to.
    accessCode: can(request.user, 'case:accessCode', scope) ? (record.accessCode ?? null) : null,
    // Whether the resident asked for no more SMS (ADR 0028): when and through whom.
    smsOptOut: record.smsOptOut ?? null,
  })
}

export const detail = staffAction(async (request) => {
  parseQuery(request, detailQuerySchema)
  return caseDetail(request)
})

export const reveal = staffAction(async (request) => {
  const { purpose } = parseJsonBody(request, revealBodySchema)
  return caseDetail(request, purpose)
})
