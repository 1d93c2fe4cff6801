/**
 * The Lambda of a `.waitForTaskToken` state: stores this wait's token on the task with a
 * conditional write. A task settled while no wait was open (a decision that landed
 * during a restart, a withdrawal) resumes the workflow at once with the new token.
 */
import { storeToken } from '../../data/task-opening'
import { resumeWait } from '../../flows/case/workflow-control'
import { nowIso } from '../../shared/clock'

export const waitTask = async (input: { taskId: string; token: string }): Promise<void> => {
  const settled = await storeToken(input.taskId, input.token, nowIso())
  if (settled) await resumeWait(input.token, input.taskId)
}
