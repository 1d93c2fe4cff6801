/**
 * Applies the TKSK's verification of a bansos case (ADR 0036), in the one case change
 * that records it: a forwarding puts its email in the outbox, a verval draft puts its
 * row in the kecamatan's drafts of the current period, both in the same transaction.
 * The case then closes RESOLVED with the verification's outcome as its reason; the filer's status
 * shows the outcome (and the forwarding's target), nothing of the findings.
 */
import { placeLabel } from '../../core/areas/place-label'
import type { BansosKind } from '../../core/case/case-kind'
import type { BansosResolution, VerificationDecision } from '../../core/bansos/verification'
import { draftPeriodOf, type VervalDraft } from '../../core/bansos/verval-draft'
import type { CaseRecord } from '../../core/case/case-record'
import { mailDraft } from '../../core/outbox/outbox-mail'
import { maskPersonalText } from '../../core/identity/disclosure'
import { loadAreaIndex } from '../../data/area-source'
import { mailPut } from '../../data/outbox-repository'
import { vervalDraftPut } from '../../data/verval-draft-repository'
import { approverFor } from '../../flows/case/routing'
import { composeForwardMail } from '../../mail/bansos-mail'
import { nowIso } from '../../shared/clock'
import { applyChange, type DecidedTask } from './apply-change'
import { type CaseState, closeWith, toClose } from './case-state'

/** `findings` is the masked text the case keeps: a NIK typed into them never leaves by email. */
const forwardMail = async (
  record: CaseRecord,
  decision: VerificationDecision,
  findings: string,
  tksk: string,
  at: string,
) => {
  if (decision.outcome !== 'FORWARDED' || !decision.forwardTo || !record.bansos) return []
  // Dinsos is the kabupaten's own approver; a bank or pendamping is named by the TKSK.
  const to =
    decision.forwardTo === 'DINSOS'
      ? (decision.forwardEmail ?? (await approverFor(record.kecamatan)).email)
      : (decision.forwardEmail ?? '')
  const mail = composeForwardMail({
    record: { ...record, bansos: record.bansos },
    target: decision.forwardTo,
    to,
    villageName: placeLabel(loadAreaIndex(), record.applicant.villageCode),
    findings,
    tksk,
  })
  return [
    mailPut(
      mailDraft(mail, {
        owner: `case:${record.caseId}`,
        purpose: `forward:${decision.forwardTo}`,
        area: record.kecamatan,
      }),
      at,
    ),
  ]
}

const draftOf = (
  record: CaseRecord,
  decision: VerificationDecision,
  by: string,
  at: string,
): VervalDraft | undefined => {
  if (decision.outcome !== 'VERVAL_DRAFT' || !decision.vervalAction || !record.bansos) return undefined
  return {
    kecamatan: record.kecamatan,
    period: draftPeriodOf(record.kecamatan, at),
    program: record.bansos.program,
    caseId: record.caseId,
    reference: record.reference,
    kind: record.kind as BansosKind,
    aksi: decision.vervalAction,
    ...(decision.vervalReason ? { alasan: decision.vervalReason } : {}),
    nama: record.applicant.name,
    alamat: record.applicant.address,
    kodeDesa: record.applicant.villageCode,
    createdAt: at,
    by,
  }
}

export const applyVerification = async (decided: DecidedTask): Promise<CaseState> => {
  const { state, record, task } = decided
  const decision = decided.decision as VerificationDecision
  const by = task.decidedBy?.id ?? ''
  const at = nowIso()
  const draft = draftOf(record, decision, by, at)
  const resolution: BansosResolution = {
    outcome: decision.outcome,
    ...(decision.forwardTo ? { forwardTo: decision.forwardTo } : {}),
    ...(decision.vervalAction ? { vervalAction: decision.vervalAction } : {}),
    ...(draft ? { vervalPeriod: draft.period } : {}),
    findings: maskPersonalText(decision.findings, record.applicant),
    by,
    at: task.decidedAt ?? at,
  }
  const open = await applyChange(decided, {
    from: ['ASSESSMENT'],
    // Not an `assessment`: no home visit of the laporan, and the verification's own shape.
    set: { resolution },
    alongWith: [
      ...(await forwardMail(record, decision, resolution.findings, task.decidedBy?.name ?? by, at)),
      ...(draft ? [vervalDraftPut(draft)] : []),
    ],
    action: 'BANSOS_VERIFIED',
    // The findings stay on the case (masked by every view); the audit names what was decided.
    after: {
      outcome: resolution.outcome,
      forwardTo: resolution.forwardTo ?? null,
      vervalAction: resolution.vervalAction ?? null,
    },
  })
  return open ? closeWith(state, 'RESOLVED', resolution.outcome) : toClose(state)
}
