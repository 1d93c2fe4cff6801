/** When a Dinsos task (an approval, a provider choice) runs out, the head and the auditors are told, by plain notice (no link). */
import type { TaskRecord } from '../../core/case/task-record'
import { type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { auditorsFor, headFor } from '../../flows/case/routing'
import { composeDeadlineMail } from '../../mail/deadline-mail'

/** The notices, one per recipient, for the outbox (written with the task's expiry, ADR 0018). */
export const deadlineMails = async (task: TaskRecord, reason: string): Promise<MailDraft[]> => {
  const recipients = [await headFor(task.area), ...(await auditorsFor(task.area))]
  return recipients.map((person) =>
    mailDraft(composeDeadlineMail(task, person, reason), {
      owner: `task:${task.taskId}`,
      purpose: `deadline:${person.id}`,
      area: task.area,
      recipientId: person.id,
    }),
  )
}
