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

/**
 * Step Functions' answers to a start that no retry will change: a missing permission or
 * state machine, a malformed name or input. A stream consumer moves on past them instead
 * of holding every later record of its shard for its hour of retries (ADR 0050, review).
 */
const REFUSED_FOR_GOOD = new Set([
  'AccessDeniedException',
  'StateMachineDoesNotExist',
  'StateMachineDeleting',
  'InvalidArn',
  'InvalidName',
  'InvalidExecutionInput',
  'ValidationException',
])

/** `started` (or found running), `later` (unreachable, throttled: retry), `refused` (retrying will not help). */
export type StartOutcome = 'started' | 'later' | 'refused'

/** Starts the execution (or finds it running) and marks the record; false when it must be retried later. */
export const startWorkflowOnce = async (start: WorkflowStart): Promise<boolean> =>
  (await startWorkflow(start)) === 'started'

/** The start-once policy with what became of the start. */
export const startWorkflow = async ({
  workflow,
  name,
  input,
  correlationId,
  markStarted,
  markExisting,
}: WorkflowStart): Promise<StartOutcome> => {
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
      const refused = error instanceof Error && REFUSED_FOR_GOOD.has(error.name)
      const log = refused ? logger.error.bind(logger) : logger.warn.bind(logger)
      log(
        refused
          ? 'workflow start refused; a later read retries'
          : 'workflow could not be started yet; a later read retries',
        { workflow, name, error: error as Error },
      )
      return refused ? 'refused' : 'later'
    }
    await markExisting?.(nowIso())
  }
  await markStarted?.(nowIso())
  return 'started'
}
