/**
 * The daily retention job (DESIGN §5, ADR 0006): anonymises every closed case whose
 * retention period has passed. On AWS an EventBridge schedule invokes `handler`; locally
 * infra/local/retention runs `runRetention` on the project clock. Idempotent: a case
 * anonymised once has no schedule item left, and its write is conditioned on it not
 * being anonymised yet, so a second run (or two racing runs) changes nothing more.
 */
import type { AuditActor } from '../core/audit/audit-entry'
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
}

/** The decisions of the case's tasks that hold free text, in their anonymised form. */
const anonymisedDecisionsOf = async (caseId: string) =>
  (await tasksOfCase(caseId)).flatMap(({ taskId, decision }) => {
    if (!decision) return []
    const anonymised = anonymisedDecision(decision)
    return JSON.stringify(anonymised) === JSON.stringify(decision) ? [] : [{ taskId, decision: anonymised }]
  })

export const runRetention = async (
  at: Date,
  years: number = retentionYearsOf(env.retentionYears()),
): Promise<RetentionRun> => {
  const run: RetentionRun = { anonymised: [], dropped: 0 }
  const closedUpTo = latestDueClosing(at, years).toISOString()
  const atIso = at.toISOString()
  for (const month of closingMonthsToCheck(at, years)) {
    for (const entry of await scheduleEntriesClosedBy(month, closedUpTo)) {
      if (!isDueForAnonymisation(entry.closedAt, at, years)) continue
      const record = await getCase(entry.caseId)
      // A case reopened for another service (ADR 0037) is not the closing this item was written
      // for: open, or closed again later with an item of its own. Nothing to do for this one.
      const stale = record?.status !== 'CLOSED' || record.closedAt !== entry.closedAt
      if (!record || record.anonymisedAt || stale) {
        await dropScheduleEntry(entry)
        run.dropped += 1
        continue
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
  }
  return run
}

export const handler = async (): Promise<{ anonymised: number; dropped: number }> => {
  const run = await runRetention(now())
  logger.info('retention run finished', { anonymised: run.anonymised.length, dropped: run.dropped })
  return { anonymised: run.anonymised.length, dropped: run.dropped }
}
