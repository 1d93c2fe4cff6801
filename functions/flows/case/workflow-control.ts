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
import { type StartOutcome, startWorkflow } from '../workflow/start-once'

/** A complaint, proposal or objection runs its own short workflow (ADR 0036); a service request the case workflow. */
const workflowOf = (record: Pick<CaseRecord, 'kind'>): 'case' | 'bansos' =>
  isBansosKind(caseKindOf(record)) ? 'bansos' : 'case'

/**
 * The start of a case's execution (the policy of `flows/workflow/start-once.ts`), from the
 * new case's stream record (functions/triggers/case-starter.ts, ADR 0050) and at every later
 * read of a case not yet marked started. Only the workflow's
 * first step (Identify) marks the case: its run is the proof that the execution was
 * journaled, which locally may follow the start's answer (ADR 0042, fourth pass), so a
 * start lost before its journal leaves the case unmarked and the next read tries again.
 * A read meanwhile finds the execution running.
 */
export const startIntakeWorkflow = (
  record: Pick<CaseRecord, 'caseId' | 'kind'>,
  correlationId: string,
  markExisting?: (at: string) => Promise<void>,
): Promise<StartOutcome> =>
  startWorkflow({
    workflow: workflowOf(record),
    name: record.caseId,
    input: { caseId: record.caseId },
    correlationId,
    ...(markExisting ? { markExisting } : {}),
  })

/**
 * Starts the case's execution unless its first step has marked it started. An answer that
 * the execution exists marks the case here: an execution whose first step failed (on AWS
 * too) would otherwise cost every later read a StartExecution.
 */
export const ensureWorkflowStarted = async (
  record: Pick<CaseRecord, 'caseId' | 'workflowStartedAt' | 'kind' | 'intakeCorrelationId'>,
  correlationId: string,
): Promise<boolean> =>
  record.workflowStartedAt !== undefined ||
  // Under the intake's id when the case has it: a read that wins the race with the case
  // starter (ADR 0050) starts the same workflow the starter would have, logged the same way.
  (await startIntakeWorkflow(record, record.intakeCorrelationId ?? correlationId, (at) =>
    markWorkflowStarted(record.caseId, at),
  )) === 'started'

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
