/**
 * The offer of another service still open on a case a result closed (ADR 0037): what the
 * case detail answers as `followUp` and the staff case page shows as "Minta layanan lain".
 */
import type { CaseRecord } from '../../core/case/case-record'
import { isOpenFollowUp } from '../../core/case/follow-up'
import { getTask } from '../../data/task-repository'
import { nowMs } from '../../shared/clock'

export interface FollowUpOfferView {
  taskId: string
  /** When the offer lapses on its own. */
  finalAt: string
}

export const openFollowUpOf = async (record: CaseRecord): Promise<FollowUpOfferView | null> => {
  const taskId = record.followUp?.taskId
  if (!taskId || !isOpenFollowUp(record, taskId)) return null
  const task = await getTask(taskId)
  if (task?.status !== 'OPEN' || nowMs() > Date.parse(task.finalAt)) return null
  return { taskId, finalAt: task.finalAt }
}
