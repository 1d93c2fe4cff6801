/** `GET /api/cases/status` (DESIGN §4): a resident's view, no PII; a wrong pair is the same 404 as an unknown reference. */
import { getCase, getCaseIdByReference } from '../../data/case-repository'
import { ensureWorkflowStarted } from '../../flows/case/workflow-control'
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { caseStatusQuerySchema } from './schemas'

export const status = publicAction(async (request) => {
  const { reference, birthDate } = parseQuery(request, caseStatusQuerySchema)
  const caseId = await getCaseIdByReference(reference)
  const record = caseId ? await getCase(caseId) : undefined
  if (!record || record.applicant.birthDate !== birthDate)
    throw new NotFoundError('Nomor registrasi dan tanggal lahir tidak cocok dengan permohonan mana pun.')
  await ensureWorkflowStarted(record)
  return json(200, {
    reference: record.reference,
    status: record.status,
    ...(record.outcome ? { outcome: record.outcome } : {}),
    updatedAt: record.updatedAt,
    history: record.history.map(({ status: s, at }) => ({ status: s, at })),
  })
})
