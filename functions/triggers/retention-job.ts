/**
 * The daily retention job (DESIGN §5, ADR 0006): anonymises every closed case whose
 * retention period has passed. On AWS an EventBridge schedule invokes `handler`; locally
 * infra/local/retention runs `runRetention` on the project clock. Idempotent: a case
 * anonymised once has no schedule item left, and its write is conditioned on it not
 * being anonymised yet, so a second run (or two racing runs) changes nothing more. A
 * case whose anonymisation fails is logged and counted, and the run goes on to the next
 * ones; the run throws at its end, so that the function's errors alarm
 * (`RetentionJobErrors`) fires and the next day's run tries the case again.
 */
import { isDeepStrictEqual } from 'node:util'
import type { AuditActor } from '../core/audit/audit-entry'
import type { Decision } from '../core/case/task-kinds'
import {
  anonymisedCase,
  anonymisedDecision,
  closingMonthsToCheck,
  isDueForAnonymisation,
  latestDueClosing,
  retentionYearsOf,
} from '../core/retention/retention-rule'
import { getCase } from '../data/case-repository'
import {
  anonymiseCase,
  dropScheduleEntry,
  type ScheduleEntry,
  scheduleEntriesClosedBy,
  tasksOfCase,
} from '../data/retention-repository'
import { now } from '../shared/clock'
import { env } from '../shared/env'
import { logger } from '../shared/logger'

export const RETENTION_ACTOR: AuditActor = { id: 'retention-job', role: 'system' }

export interface RetentionRun {
  anonymised: string[]
  /** Schedule items found due whose case was already anonymised, is gone, or was reopened (ADR 0037). */
  dropped: number
  /** Cases whose anonymisation threw (each logged with its error); their schedule items stay for the next run. */
  failed: string[]
}

/** A run that could not anonymise every due case: thrown after all the others were done. */
export class RetentionRunFailedError extends Error {
  constructor(readonly run: RetentionRun) {
    super(`retention failed for ${run.failed.length} case(s): ${run.failed.join(', ')}`)
    this.name = 'RetentionRunFailedError'
  }
}

/** The decisions among `tasks` that anonymising changes, in their anonymised form. */
export const decisionsToAnonymise = (
  tasks: readonly { taskId: string; decision?: Decision }[],
): { taskId: string; decision: Decision }[] =>
  tasks.flatMap(({ taskId, decision }) => {
    if (!decision) return []
    const anonymised = anonymisedDecision(decision)
    // Deep equality, not JSON text: a kept field put back at the end must not count as a change.
    return isDeepStrictEqual(anonymised, decision) ? [] : [{ taskId, decision: anonymised }]
  })

/** The decisions of the case's tasks that hold free text, in their anonymised form. */
const anonymisedDecisionsOf = async (caseId: string) => decisionsToAnonymise(await tasksOfCase(caseId))

/** Anonymises one due case, or drops its schedule item when there is nothing left to do for it. */
const retainCase = async (
  entry: ScheduleEntry,
  run: RetentionRun,
  context: { at: Date; years: number },
): Promise<void> => {
  const { at, years } = context
  const atIso = at.toISOString()
  const record = await getCase(entry.caseId)
  // A case reopened for another service (ADR 0037) is not the closing this item was written
  // for: open, or closed again later with an item of its own. Nothing to do for this one.
  const stale = record?.status !== 'CLOSED' || record.closedAt !== entry.closedAt
  if (!record || record.anonymisedAt || stale) {
    await dropScheduleEntry(entry)
    run.dropped += 1
    return
  }
  const applied = await anonymiseCase({
    record,
    anonymised: anonymisedCase(record, atIso),
    decisions: await anonymisedDecisionsOf(record.caseId),
    actor: RETENTION_ACTOR,
    retentionYears: years,
    correlationId: `retention:${atIso.slice(0, 10)}`,
    at,
  })
  if (applied) run.anonymised.push(record.caseId)
}

export const runRetention = async (
  at: Date,
  years: number = retentionYearsOf(env.retentionYears()),
): Promise<RetentionRun> => {
  const run: RetentionRun = { anonymised: [], dropped: 0, failed: [] }
  const closedUpTo = latestDueClosing(at, years).toISOString()
  for (const month of closingMonthsToCheck(at, years)) {
    for (const entry of await scheduleEntriesClosedBy(month, closedUpTo)) {
      if (!isDueForAnonymisation(entry.closedAt, at, years)) continue
      try {
        await retainCase(entry, run, { at, years })
      } catch (error) {
        // One case that cannot be written must not keep every later case's data past its period.
        logger.error('retention of a case failed', { caseId: entry.caseId, error: error as Error })
        run.failed.push(entry.caseId)
      }
    }
  }
  if (run.failed.length > 0) {
    // The night's counts are logged before the throw: the alarm says that it failed, this says what was done.
    logger.info('retention run finished', {
      anonymised: run.anonymised.length,
      dropped: run.dropped,
      failed: run.failed.length,
    })
    throw new RetentionRunFailedError(run)
  }
  return run
}

/** Throws (after the other cases) when a case failed: the function's Errors metric is the alarm's. */
export const handler = async (): Promise<{ anonymised: number; dropped: number }> => {
  const run = await runRetention(now())
  logger.info('retention run finished', { anonymised: run.anonymised.length, dropped: run.dropped })
  return { anonymised: run.anonymised.length, dropped: run.dropped }
}
