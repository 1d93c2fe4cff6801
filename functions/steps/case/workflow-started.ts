/**
 * Intake starts the execution without marking the case started (issue 20): the first
 * step's run is the proof. Identify writes the mark with its own change of the case (one
 * store write less per intake), and on its own only when it changes nothing; until then a
 * read of the case tries the start again, which finds the execution running.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { markWorkflowStarted } from '../../data/case-repository'
import { nowIso } from '../../shared/clock'

/** The field to set with Identify's change when the case is not marked yet. */
export const startedMark = (
  record: Pick<CaseRecord, 'workflowStartedAt'>,
  at: string,
): Pick<CaseRecord, 'workflowStartedAt'> =>
  record.workflowStartedAt === undefined ? { workflowStartedAt: at } : {}

/** Marks the case started on its own, for an Identify that changes nothing else. */
export const markStarted = async (
  record: Pick<CaseRecord, 'caseId' | 'workflowStartedAt'>,
): Promise<void> => {
  if (record.workflowStartedAt === undefined) await markWorkflowStarted(record.caseId, nowIso())
}
