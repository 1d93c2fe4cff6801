/**
 * Identify (DESIGN §3.1): revalidate the intake with today's rules, close a duplicate of
 * an open case, and hand the case to the TKSK of its kecamatan (or the fallback).
 */
import type { CaseRecord } from '../../core/case/case-record'
import { createIntakeSchema } from '../../core/case/intake-schema'
import { needsAdminduk } from '../../core/case/filer'
import { changeCase } from '../../data/case-change'
import { mailPut } from '../../data/outbox-repository'
import { loadAreaIndex } from '../../data/area-source'
import { now, nowIso } from '../../shared/clock'
import { intakeReceipt } from '../../flows/case/intake-receipt'
import { tkskFor } from '../../flows/case/routing'
import { type CaseState, closeWith, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCase } from './load-case'
import { markStarted, startedMark } from './workflow-started'

/** Where a case goes that is not identified now: closed, past identification, invalid by today's rules, a duplicate. */
const notToIdentify = (state: CaseState, record: CaseRecord): CaseState | undefined => {
  if (record.status === 'CLOSED') return toClose(state)
  if (record.status !== 'IDENTIFICATION') return { caseId: state.caseId, round: 1, next: 'ASSESS' }
  const revalidated = createIntakeSchema(loadAreaIndex(), now()).safeParse({
    applicant: record.applicant,
    category: record.category,
    service: record.service,
    ...(record.description ? { description: record.description } : {}),
    consent: true,
  })
  if (!revalidated.success) return closeWith(state, 'INVALID', revalidated.error.issues[0]?.message)
  if (record.duplicateOf) return closeWith(state, 'DUPLICATE', record.duplicateOf)
  return undefined
}

export const identify = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  const unidentified = notToIdentify(state, record)
  if (unidentified) {
    await markStarted(record)
    return unidentified
  }
  const assignee = await tkskFor(record.kecamatan)
  const at = nowIso()
  const result = await changeCase(
    record,
    {
      from: ['IDENTIFICATION'],
      stepKey: 'identify',
      status: 'ASSESSMENT',
      set: { assignee, ...startedMark(record, at) },
      // The receipt leaves IDENTIFICATION with the case (an INVALID or DUPLICATE close carries it too).
      alongWith: intakeReceipt(record).map((mail) => mailPut(mail, at)),
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
    at,
  )
  if (result.record.status === 'CLOSED') return toClose(state)
  return {
    caseId: state.caseId,
    round: 1,
    next: needsAdminduk(record.identityStatus) ? 'ADMINDUK' : 'ASSESS',
  }
}
