/** Starting (named by the batch id, so a second start is the same execution) and stopping a batch's workflow. */
import { StopExecutionCommand } from '@aws-sdk/client-sfn'
import type { BatchRecord } from '../../core/verval/batch-record'
import { markBatchWorkflowStarted } from '../../data/batch-repository'
import { sfn } from '../../shared/clients'
import { env } from '../../shared/env'
import { logger } from '../../shared/logger'
import { startWorkflowOnce } from '../workflow/start-once'

const executionArn = (batchId: string): string =>
  `${env.stateMachineArn('verval').replace(':stateMachine:', ':execution:')}:${batchId}`

/**
 * Starts the batch's execution unless it is known to run (the policy of
 * `flows/workflow/start-once.ts`): the upload calls it, and every read of the batch
 * (`GET /api/verval/{batchId}`, the batch page) calls it again while the start is owed.
 * A batch that left VALIDATING has had its workflow, whatever the record says (batches
 * from before the mark existed).
 */
export const ensureVervalWorkflowStarted = async (
  batch: Pick<BatchRecord, 'batchId' | 'status' | 'workflowStartedAt'>,
  correlationId: string,
): Promise<boolean> =>
  batch.workflowStartedAt !== undefined ||
  batch.status !== 'VALIDATING' ||
  startWorkflowOnce({
    workflow: 'verval',
    name: batch.batchId,
    input: { batchId: batch.batchId },
    correlationId,
    markStarted: (at) => markBatchWorkflowStarted(batch.batchId, at),
  })

/** Best effort: a superseded batch's steps find it SUPERSEDED and end anyway. */
export const stopVervalWorkflow = async (batchId: string): Promise<void> => {
  try {
    await sfn().send(new StopExecutionCommand({ executionArn: executionArn(batchId), cause: 'superseded' }))
  } catch (error) {
    logger.info('superseded batch workflow not stopped', { batchId, error: error as Error })
  }
}
