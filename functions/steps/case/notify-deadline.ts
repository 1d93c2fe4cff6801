/** When a Dinsos task (an approval, a provider choice) runs out, the head and the auditors are told, by plain notice (no link). */
import type { TaskRecord } from '../../core/case/task-record'
import { claimTaskMail } from '../../data/task-repository'
import { auditorsFor, headFor } from '../../flows/case/routing'
import { sendMail } from '../../flows/case/send-mail'
import { composeDeadlineMail } from '../../mail/deadline-mail'
import { nowIso } from '../../shared/clock'

export const notifyDeadline = async (task: TaskRecord, reason: string): Promise<void> => {
  const recipients = [await headFor(task.area), ...(await auditorsFor(task.area))]
  for (const person of recipients) {
    if (!(await claimTaskMail(task.taskId, `deadline:${person.id}`, nowIso()))) continue
    await sendMail(composeDeadlineMail(task, person, reason))
  }
}
