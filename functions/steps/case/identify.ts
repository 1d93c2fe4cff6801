/**
 * Identify (DESIGN §3.1): revalidate the intake with today's rules, close a duplicate of
 * an open case, and hand the case to the TKSK of its kecamatan (or the fallback).
 */
import { createIntakeSchema } from '../../core/case/intake-schema'
import type { CaseRecord } from '../../core/case/case-record'
import { needsAdminduk } from '../../core/case/filer'
import { mailDraft } from '../../core/outbox/outbox-mail'
import { changeCase, markWorkflowStarted } from '../../data/case-repository'
import { enqueueMails } from '../../data/outbox-repository'
import { loadAreaIndex } from '../../data/area-source'
import { composeIntakeReceiptMail } from '../../mail/intake-receipt-mail'
import { now, nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { tkskFor } from '../../flows/case/routing'
import { type CaseState, closeWith, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCase } from './load-case'

/** The receipt with the access code, once per case: its outbox id is fixed (ADR 0018), a replay writes nothing new. */
const sendReceipt = async (record: CaseRecord): Promise<void> => {
  const mail = composeIntakeReceiptMail(record, env.publicBaseUrl())
  if (!mail) return
  await enqueueMails(
    [mailDraft(mail, { owner: `case:${record.caseId}`, purpose: 'received', area: record.kecamatan })],
    nowIso(),
  )
}

export const identify = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  // Intake starts the execution without marking it (issue 20): running here is the proof.
  if (record.workflowStartedAt === undefined) await markWorkflowStarted(record.caseId, nowIso())
  if (record.status === 'CLOSED') return toClose(state)
  if (record.status !== 'IDENTIFICATION') return { caseId: state.caseId, round: 1, next: 'ASSESS' }
  // Before revalidation: a resident whose request closes INVALID or DUPLICATE can still look up why.
  await sendReceipt(record)
  const revalidated = createIntakeSchema(loadAreaIndex(), now()).safeParse({
    applicant: record.applicant,
    category: record.category,
    service: record.service,
    ...(record.description ? { description: record.description } : {}),
    consent: true,
  })
  if (!revalidated.success) return closeWith(state, 'INVALID', revalidated.error.issues[0]?.message)
  if (record.duplicateOf) return closeWith(state, 'DUPLICATE', record.duplicateOf)
  const assignee = await tkskFor(record.kecamatan)
  const result = await changeCase(
    record,
    {
      from: ['IDENTIFICATION'],
      stepKey: 'identify',
      status: 'ASSESSMENT',
      set: { assignee },
      audit: {
        action: 'CASE_IDENTIFIED',
        actor: SYSTEM_ACTOR,
        after: {
          status: 'ASSESSMENT',
          assignee: assignee.id,
          nikRegisteredElsewhere: record.nikRegisteredElsewhere,
          identityStatus: record.identityStatus ?? 'COMPLETE',
        },
        correlationId: correlationOf(state),
      },
    },
    nowIso(),
  )
  if (result.record.status === 'CLOSED') return toClose(state)
  return {
    caseId: state.caseId,
    round: 1,
    next: needsAdminduk(record.identityStatus) ? 'ADMINDUK' : 'ASSESS',
  }
}
