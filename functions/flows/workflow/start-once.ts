/**
 * The one start policy of both workflows (issue 14): the execution is named by its
 * record's id, so a second start is the same execution; the request that creates a verval
 * batch starts it and answers even when the start fails, a new case is started from its
 * item's stream record (ADR 0050, retried by the stream), and every later read of a record
 * not yet marked started tries again. So no case and no verval batch is left without its
 * workflow because Step Functions was briefly unavailable. The mark is written by whoever
 * knows first that the execution runs: the starter, or (for a case) the workflow's first
 * step.
 */
import { StartExecutionCommand } from '@aws-sdk/client-sfn'
import { sfn } from '../../shared/clients'
import { nowIso } from '../../shared/clock'
import { env } from '../../shared/env'
import { logger } from '../../shared/logger'

export interface WorkflowStart {
  workflow: 'case' | 'bansos' | 'verval' | 'laporan'
  /** The record's id: the execution's name. */
  name: string
  input: Record<string, string>
  /** The request that starts (or restarts) it: every step's log lines carry it (ADR 0024). */
  correlationId: string
  /**
   * Records that the workflow runs, so later reads stop trying. Absent for a case: its
   * first step (Identify) writes the mark with its own change, so the starter makes no
   * write of its own (issue 20).
   */
  markStarted?: (at: string) => Promise<void>
  /**
   * Records that the workflow runs when Step Functions answers that the execution exists
   * already (a read's retry): that answer proves it was recorded, whatever became of the
   * first start, so reads stop retrying even if the first step never marked the record.
   */
  markExisting?: (at: string) => Promise<void>
}

/** Starts the execution (or finds it running) and marks the record; false when it must be retried later. */
export const startWorkflowOnce = async ({
  workflow,
  name,
  input,
  correlationId,
  markStarted,
  markExisting,
}: WorkflowStart): Promise<boolean> => {
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.stateMachineArn(workflow),
        name,
        input: JSON.stringify({ ...input, correlationId }),
      }),
    )
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) {
      logger.warn('workflow could not be started yet; a later read retries', {
        workflow,
        name,
        error: error as Error,
      })
      return false
    }
    await markExisting?.(nowIso())
  }
  await markStarted?.(nowIso())
  return true
}
