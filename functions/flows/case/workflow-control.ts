/**
 * The handlers' side of the workflow: starting it for a case (named by the caseId, so a
 * second start is the same execution), and resuming a wait once its task is decided.
 */
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn'
import type { CaseRecord } from '../../core/case/case-record'
import { markWorkflowStarted } from '../../data/case-repository'
import { sfn } from '../../shared/clients'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { logger } from '../../shared/logger'

/**
 * Starts the case's execution unless it is known to run. Safe to call any number of
 * times: intake calls it, and every later read of a case whose start failed calls it
 * again, so no case is left without its workflow.
 */
export const ensureWorkflowStarted = async (
  record: Pick<CaseRecord, 'caseId' | 'workflowStartedAt'>,
): Promise<boolean> => {
  if (record.workflowStartedAt) return true
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.stateMachineArn('case'),
        name: record.caseId,
        input: JSON.stringify({ caseId: record.caseId }),
      }),
    )
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) {
      logger.warn('case workflow could not be started yet; a later read retries', {
        caseId: record.caseId,
        error: error as Error,
      })
      return false
    }
  }
  await markWorkflowStarted(record.caseId, nowIso())
  return true
}

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
