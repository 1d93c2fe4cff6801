/**
 * The Lambda of the `.waitForTaskToken` approval state: stores the token on the batch
 * while it awaits approval. A batch decided (or superseded) while no wait was open
 * resumes the workflow at once.
 */
import { resumeWait } from '../../flows/case/workflow-control'
import { storeBatchToken } from '../../data/batch-repository'

export const waitApproval = async (input: { batchId: string; token: string }): Promise<void> => {
  if (!(await storeBatchToken(input.batchId, input.token))) await resumeWait(input.token, input.batchId)
}
