/**
 * Deciding a task, from a link or from `POST /api/tasks/{taskId}/complete` (DESIGN §2):
 * validate the fields with the kind's schema, one conditional write of the status
 * (the first of two concurrent deciders wins, the other learns who decided and when),
 * then resume the waiting workflow.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { isOpenFollowUp } from '../../core/case/follow-up'
import { DECISION_SCHEMAS, type Decision } from '../../core/case/task-kinds'
import type { Decider, TaskRecord } from '../../core/case/task-record'
import { getCase, getOpenCaseId } from '../../data/case-repository'
import { issuedNikItems, type IssuedNik } from '../../data/issued-nik-items'
import { closeTask } from '../../data/task-closing'
import { getStaffMember } from '../../data/user-repository'
import { choiceOptions, providerIfOffered, rereferralOptions } from '../providers/case-routing'
import { nowIso, nowMs } from '../../shared/clock'
import { ConflictError, GoneError, ValidationError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import { decidedMessage } from '../../core/links/decided-message'
import { maskPersonalDeep } from '../../core/identity/disclosure'
import { applyEscalation } from './apply-escalation'
import { issuedNikFor } from './record-issued-nik'
import { resumeWait } from './workflow-control'

export class TaskAlreadyDecidedError extends ConflictError {
  constructor(readonly task: TaskRecord) {
    super(decidedMessage('Tugas ini', task.decidedBy, task.decidedAt, task.area))
  }
}

/** Whether the task can still be decided; throws the page's reason otherwise. */
export const assertActionable = (task: TaskRecord, record: CaseRecord | undefined): void => {
  if (task.status === 'DECIDED') throw new TaskAlreadyDecidedError(task)
  // The offer of another service is decided on the closed case it was made on (ADR 0037).
  const caseOpen = record && (record.status !== 'CLOSED' || isOpenFollowUp(record, task.taskId))
  if (task.status !== 'OPEN' || !caseOpen || nowMs() > Date.parse(task.finalAt))
    throw new GoneError('Tugas ini sudah tidak berlaku (batas waktu lewat atau kasus sudah ditutup).')
}

/** What the decision's audit entry says of a recorded NIK besides the (masked) decision. */
const issuedNikAudit = (issued: IssuedNik) => ({
  nikRecorded: true,
  identityStatus: issued.identityStatus,
  nikRegisteredElsewhere: issued.nikRegisteredElsewhere,
  sameNikOpenCase: issued.sameNikOpenCase ?? null,
})

const invalid = (path: string, message: string) => new ValidationError([{ path, message }])

/** Checks that need data: the TKSK to reassign to, the provider to re-refer to or choose (as offered by the directory now). */
const checkAgainstData = async (task: TaskRecord, record: CaseRecord, decision: Decision): Promise<void> => {
  if (task.kind === 'ASSESSMENT_ESCALATION' && decision.action === 'REASSIGN') {
    const member = await getStaffMember(String(decision.assignee))
    if (!member || member.role !== 'tksk' || !member.area.startsWith(`${record.kabupaten}.`))
      throw invalid('assignee', 'Pilih TKSK di kabupaten/kota yang sama.')
  }
  if (task.kind === 'REREFERRAL' && decision.action === 'REREFER') {
    if (!(await providerIfOffered(String(decision.providerId), rereferralOptions, record)))
      throw invalid('providerId', 'Pilih lembaga yang melayani layanan ini dan belum menolak.')
  }
  if (task.kind === 'FOLLOW_UP' && decision.action === 'ANOTHER_SERVICE' && record.nikRef !== undefined) {
    const open = await getOpenCaseId(record.nikRef, String(decision.service))
    if (open !== undefined && open !== record.caseId)
      throw invalid('service', 'Orang ini sudah memiliki kasus terbuka untuk layanan ini.')
  }
  if (task.kind === 'PROVIDER_CHOICE' && decision.action === 'CHOOSE') {
    if (!(await providerIfOffered(String(decision.providerId), choiceOptions, record)))
      throw invalid('providerId', 'Pilih penyedia aktif di kabupaten/kota kasus ini.')
  }
}

export const decideTask = async (input: {
  task: TaskRecord
  /**
   * The task's case as this same request already read it (a link resolves task and case
   * together), so it is not read twice; absent, it is read here.
   */
  record?: CaseRecord
  decider: Decider
  fields: unknown
  correlationId: string
}): Promise<TaskRecord> => {
  const { task, decider } = input
  const record = input.record ?? (await getCase(task.caseId))
  assertActionable(task, record)
  // Findings, notes and reasons are stored masked (DESIGN §1): a NIK or the applicant's
  // birth date typed into them stops here.
  const fields = parseWith(DECISION_SCHEMAS[task.kind], input.fields) as Decision
  const decision = record ? maskPersonalDeep(fields, record.applicant) : fields
  if (record) await checkAgainstData(task, record, decision)
  // The raw field, before masking: the NIK adminduk issued is recorded with the decision (ADR 0037).
  const issued =
    record && task.kind === 'ADMINDUK_REFERRAL' && fields.result === 'ISSUED'
      ? await issuedNikFor(record, String(fields.nik))
      : undefined
  const at = nowIso()
  const result = await closeTask(
    task,
    'DECIDED',
    { decision, decidedBy: decider, at },
    {
      action: 'TASK_DECIDED',
      actor: {
        id: decider.id,
        role: decider.role,
        ...(decider.ip ? { ip: decider.ip } : {}),
        ...(decider.userAgent ? { userAgent: decider.userAgent } : {}),
      },
      after: (issued ? { ...decision, ...issuedNikAudit(issued) } : decision) as never,
      correlationId: input.correlationId,
    },
    issued && record ? issuedNikItems(record, issued, at) : [],
  ).catch((error: unknown) => {
    // The case changed under the decision (closed, anonymised, a NIK recorded): nothing was written.
    if (issued && error instanceof Error && error.name === 'TransactionCanceledException')
      throw new ConflictError('Kasus berubah saat NIK dicatat. Muat ulang halaman lalu coba lagi.')
    throw error
  })
  if (!result.decided) {
    if (result.task.status === 'DECIDED') throw new TaskAlreadyDecidedError(result.task)
    throw new GoneError('Tugas ini sudah tidak berlaku.')
  }
  if (task.kind === 'ASSESSMENT_ESCALATION') await applyEscalation(result.task, decision, input.correlationId)
  else await resumeWait(result.task.token, task.taskId)
  return result.task
}
