/**
 * The handlers' side of the workflow: starting it for a case (named by the caseId, so a
 * second start is the same execution), and resuming a wait once its task is decided.
 */
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn'
import { caseKindOf, isBansosKind } from '../../core/case/case-kind'
import type { CaseRecord } from '../../core/case/case-record'
import { markWorkflowStarted } from '../../data/case-repository'
import { sfn } from '../../shared/clients'
import { logger } from '../../shared/logger'
import { startWorkflowOnce } from '../workflow/start-once'

/** A complaint, proposal or objection runs its own short workflow (ADR 0036); a service request the case workflow. */
const workflowOf = (record: Pick<CaseRecord, 'kind'>): 'case' | 'bansos' =>
  isBansosKind(caseKindOf(record)) ? 'bansos' : 'case'

/**
 * Starts the case's execution unless it is known to run (the policy of
 * `flows/workflow/start-once.ts`): intake calls it, and every later read of a case whose
 * start failed calls it again.
 */
export const ensureWorkflowStarted = async (
  record: Pick<CaseRecord, 'caseId' | 'workflowStartedAt' | 'kind'>,
  correlationId: string,
): Promise<boolean> =>
  record.workflowStartedAt !== undefined ||
  startWorkflowOnce({
    workflow: workflowOf(record),
    name: record.caseId,
    input: { caseId: record.caseId },
    correlationId,
    markStarted: (at) => markWorkflowStarted(record.caseId, at),
  })

/**
 * The intake's start: the execution only. The workflow's first step (Identify) marks the
 * case started, so the resident's answer waits for one call less; until then a read of
 * the case tries the start again, which finds the execution running.
 */
export const startIntakeWorkflow = (
  record: Pick<CaseRecord, 'caseId' | 'kind'>,
  correlationId: string,
): Promise<boolean> =>
  startWorkflowOnce({
    workflow: workflowOf(record),
    name: record.caseId,
    input: { caseId: record.caseId },
    correlationId,
  })

// The workflow re-reads the task when it next enters the wait, so a token that is gone is not a loss.
const GONE_TOKEN_ERRORS = new Set(['TaskDoesNotExist', 'TaskTimedOut', 'InvalidToken'])
const ATTEMPTS = 4

/** Tells the waiting workflow its task is settled; retried with back-off until it lands or the token is gone. */
export const resumeWait = async (token: string | undefined, taskId: string): Promise<void> => {
  if (!token) return
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ taskId }) }))
      return
    } catch (error) {
      if (error instanceof Error && GONE_TOKEN_ERRORS.has(error.name)) return
      if (attempt === ATTEMPTS) {
        logger.error('could not resume the workflow; it resumes when it next enters the wait', {
          taskId,
          error: error as Error,
        })
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt))
    }
  }
}
