/**
 * The follow-up after a referral's result (issue 15 item 3, ADR 0037). DESIGN §3 step 5
 * closes the case at the result (`SERVED` → FULFILLED, `NOT_SERVED` → NOT_FULFILLED) and
 * that stays: the follow-up is offered on the closed case, and only its ANOTHER_SERVICE
 * reopens it (CLOSED → RECOMMENDATION, the one way out of CLOSED). Pure: the rules the
 * steps, the decision and the pages share.
 */
import type { CaseRecord, ReferralResult } from './case-record'

type Closed = Pick<CaseRecord, 'status' | 'outcome' | 'outcomeReason' | 'referral' | 'anonymisedAt'>

/**
 * The result a closed case's outcome came from, or `undefined` when it closed any other
 * way (a withdrawal, a deadline, a decline): only those may be followed up and reopened.
 */
export const closingResultOf = (record: Closed): ReferralResult | undefined => {
  if (record.status !== 'CLOSED' || record.anonymisedAt || record.referral?.acceptedAt === undefined)
    return undefined
  if (record.outcome === 'FULFILLED') return 'SERVED'
  if (record.outcome === 'NOT_FULFILLED' && record.outcomeReason === 'NOT_SERVED') return 'NOT_SERVED'
  return undefined
}

/** Whether `taskId` is the follow-up open on this closed case (the decision's and the reopening's gate). */
export const isOpenFollowUp = (record: Closed & Pick<CaseRecord, 'followUp'>, taskId: string): boolean =>
  record.followUp?.taskId === taskId && closingResultOf(record) !== undefined

/**
 * The step key of a case's closing: `close` for its first service (as before ADR 0037),
 * `close#N` for the N-th, so a reopened case closes again and its resident is told again.
 */
export const closingStepKey = (record: Pick<CaseRecord, 'previousReferrals'>): string => {
  const cycle = (record.previousReferrals?.length ?? 0) + 1
  return cycle === 1 ? 'close' : `close#${cycle}`
}
