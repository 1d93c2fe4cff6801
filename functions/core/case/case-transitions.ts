/**
 * Which case status may follow which (DESIGN §1, §3). Every write of a status is
 * conditioned on the current one, and this table is what decides the pair is legal:
 * REVISE goes back from RECOMMENDATION to ASSESSMENT, everything open may be closed
 * (withdrawal, deadlines), and the only way out of CLOSED is another service after a
 * referral's result (ADR 0037: the TKSK's follow-up reopens the case in RECOMMENDATION;
 * `core/case/follow-up.ts` says which closed cases qualify).
 */
import type { CaseOutcome, CaseStatus } from '../catalog/case-statuses'

const LEGAL: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  IDENTIFICATION: ['ASSESSMENT', 'CLOSED'],
  ASSESSMENT: ['RECOMMENDATION', 'CLOSED'],
  RECOMMENDATION: ['ASSESSMENT', 'REFERRAL', 'CLOSED'],
  REFERRAL: ['CLOSED'],
  CLOSED: ['RECOMMENDATION'],
}

export const canTransition = (from: CaseStatus, to: CaseStatus): boolean => LEGAL[from].includes(to)

export const assertTransition = (from: CaseStatus, to: CaseStatus): void => {
  if (!canTransition(from, to)) throw new RangeError(`illegal case transition ${from} → ${to}`)
}

/** The open statuses a case can be closed from with this outcome (DUPLICATE/INVALID only come out of identification). */
export const closableFrom = (outcome: CaseOutcome): readonly CaseStatus[] => {
  if (outcome === 'DUPLICATE' || outcome === 'INVALID') return ['IDENTIFICATION']
  if (outcome === 'NOT_ELIGIBLE') return ['ASSESSMENT']
  if (outcome === 'REJECTED') return ['RECOMMENDATION']
  if (outcome === 'FULFILLED') return ['REFERRAL']
  // A bansos case's verification is its only human step (ADR 0036).
  if (outcome === 'RESOLVED') return ['ASSESSMENT']
  return ['IDENTIFICATION', 'ASSESSMENT', 'RECOMMENDATION', 'REFERRAL']
}

/** Reasons a case closes NOT_FULFILLED, as stored and shown to staff. */
export const NOT_FULFILLED_REASONS = [
  'ASSESSMENT_TIMEOUT',
  'APPROVAL_TIMEOUT',
  'REFERRAL_RESPONSE_TIMEOUT',
  'REREFERRAL_TIMEOUT',
  'NO_REPORT',
  'NOT_SERVED',
  'DECLINED',
] as const
export type NotFulfilledReason = (typeof NOT_FULFILLED_REASONS)[number]
