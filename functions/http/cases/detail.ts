/**
 * `GET /api/cases/{caseId}` (DESIGN §4): the case with its timeline (the audit chain),
 * NIK/KK masked. A read of a sensitive-category case is itself audited.
 */
import { can } from '../../core/authorization/can'
import { caseSummary, maskedApplicant } from '../../core/case/case-record'
import { appendAudit, readChain } from '../../data/audit-repository'
import { getCase } from '../../data/case-repository'
import { auditEntityId } from '../../data/keys'
import { ensureWorkflowStarted } from '../../case-flow/workflow-control'
import { ForbiddenError, NotFoundError } from '../../shared/errors'
import { staffAction } from '../../shared/http/action'
import { parseWith } from '../../shared/http/parse'
import { json } from '../../shared/http/responses'
import { caseIdSchema } from './schemas'

export const detail = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const record = await getCase(caseId)
  if (!record) throw new NotFoundError('Kasus tidak ditemukan.')
  if (!can(request.user, 'case:read', { area: record.kecamatan })) throw new ForbiddenError()
  await ensureWorkflowStarted(record)
  if (record.sensitive) {
    await appendAudit({
      entityId: auditEntityId.case(caseId),
      area: record.kecamatan,
      actor: { id: request.user.id, role: request.user.role },
      action: 'SENSITIVE_CASE_READ',
      after: { purpose: 'case detail' },
      correlationId: request.correlationId,
    })
  }
  const chain = await readChain(auditEntityId.case(caseId))
  return json(200, {
    ...caseSummary(record),
    applicant: maskedApplicant(record.applicant),
    nikRegisteredElsewhere: record.nikRegisteredElsewhere,
    ...(record.description ? { description: record.description } : {}),
    consentVersion: record.consentVersion,
    assignee: record.assignee ? { id: record.assignee.id, name: record.assignee.name } : null,
    assessment: record.assessment ?? null,
    recommendation: record.recommendation ?? null,
    approval: record.approval ?? null,
    referral: record.referral ?? null,
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    history: record.history,
    timeline: chain.map(({ seq, at, action, actor, after }) => ({
      seq,
      at,
      action,
      actor: { id: actor.id, role: actor.role },
      after,
    })),
  })
})
