/** Starting (named by the batch id, so a second start is the same execution) and stopping a batch's workflow. */
import { StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn'
import { sfn } from '../../shared/clients'
import { env } from '../../shared/env'
import { logger } from '../../shared/logger'

const executionArn = (batchId: string): string =>
  `${env.stateMachineArn('verval').replace(':stateMachine:', ':execution:')}:${batchId}`

export const startVervalWorkflow = async (batchId: string): Promise<void> => {
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.stateMachineArn('verval'),
        name: batchId,
        input: JSON.stringify({ batchId }),
      }),
    )
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error
  }
}

/** Best effort: a superseded batch's steps find it SUPERSEDED and end anyway. */
export const stopVervalWorkflow = async (batchId: string): Promise<void> => {
  try {
    await sfn().send(new StopExecutionCommand({ executionArn: executionArn(batchId), cause: 'superseded' }))
  } catch (error) {
    logger.info('superseded batch workflow not stopped', { batchId, error: error as Error })
  }
}
