/**
 * The first step of a complaint's, proposal's or objection's workflow (ADR 0036): the
 * case goes to the TKSK of its kecamatan for verification, and the filer's receipt with
 * the access code leaves with that change (the outbox, ADR 0020). No revalidation of
 * documents (none are asked) and no dedup (no NIK).
 */
import { bansosFilerContact } from '../../core/bansos/bansos-case'
import { caseKindOf, isBansosKind } from '../../core/case/case-kind'
import type { CaseRecord } from '../../core/case/case-record'
import { mailDraft } from '../../core/outbox/outbox-mail'
import { changeCase } from '../../data/case-change'
import { mailPut } from '../../data/outbox-repository'
import { tkskFor } from '../../flows/case/routing'
import { composeBansosReceiptMail } from '../../mail/bansos-mail'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { type CaseState, correlationOf, SYSTEM_ACTOR, toClose } from './case-state'
import { loadCase } from './load-case'
import { markStarted, startedMark } from './workflow-started'

const receipt = (record: CaseRecord, at: string) => {
  const kind = caseKindOf(record)
  if (!isBansosKind(kind) || !record.bansos) return []
  const mail = composeBansosReceiptMail(
    record,
    bansosFilerContact(kind, record.applicant, record.bansos),
    env.publicBaseUrl(),
  )
  return mail
    ? [
        mailPut(
          mailDraft(mail, { owner: `case:${record.caseId}`, purpose: 'received', area: record.kecamatan }),
          at,
        ),
      ]
    : []
}

export const identifyBansos = async (state: CaseState): Promise<CaseState> => {
  const record = await loadCase(state.caseId)
  if (record.status !== 'IDENTIFICATION') {
    await markStarted(record)
    return record.status === 'CLOSED' ? toClose(state) : { caseId: state.caseId, round: 1, next: 'ASSESS' }
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
      alongWith: receipt(record, at),
      audit: {
        action: 'CASE_IDENTIFIED',
        actor: SYSTEM_ACTOR,
        after: { status: 'ASSESSMENT', assignee: assignee.id, kind: caseKindOf(record) },
        correlationId: correlationOf(state),
      },
    },
    at,
  )
  if (result.record.status === 'CLOSED') return toClose(state)
  return { caseId: state.caseId, round: 1, next: 'ASSESS' }
}
