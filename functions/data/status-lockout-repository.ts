/**
 * The lockout of the status lookup (DESIGN v3 §4, ADR 0011): at most 5 misses for one
 * reference, then 24 hours of 429. The reference as typed is the subject, existing or
 * not (`statusMissKey`); the counting itself is the shared lookup lockout.
 */
import {
  type AttemptReservation,
  recordMiss,
  releaseAttempt,
  reserveAttempt,
} from './lookup-lockout-repository'
import { statusMissKey } from './keys'

/** Takes one attempt out of the reference's budget, or says how long it stays locked. */
export const reserveStatusAttempt = (reference: string, nowMs: number): Promise<AttemptReservation> =>
  reserveAttempt(statusMissKey(reference), nowMs)

/** A hit: the reserved attempt was not a miss. */
export const releaseStatusAttempt = releaseAttempt

/** A miss: the reservation stays counted; the fifth starts the 24-hour lock now. */
export const recordStatusMiss = recordMiss
