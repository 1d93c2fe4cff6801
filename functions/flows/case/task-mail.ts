/** The outbox mail of a task (its text is functions/mail/task-mail.ts) with a link of its own. */
import type { Person } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { LINK_PLACEHOLDER, type MailDraft, mailDraft } from '../../core/outbox/outbox-mail'
import { composeTaskMail, type TaskMailKind } from '../../mail/task-mail'

/**
 * The mail of a task to `recipient`, with a link of the recipient's own that the mailer
 * issues when it sends it (ADR 0018), once per `purpose` (`ask:<recipient>`,
 * `reminder:<milestone>:<recipient>`…): a replayed step writes the same mail id, which
 * the outbox's conditional put refuses.
 */
export const taskMailDraft = (
  task: TaskRecord,
  recipient: Person,
  kind: TaskMailKind,
  purpose: string,
): MailDraft =>
  mailDraft(composeTaskMail(task, recipient, kind, LINK_PLACEHOLDER), {
    owner: `task:${task.taskId}`,
    purpose,
    area: task.area,
    recipientId: recipient.id,
    link: { path: '/t', taskId: task.taskId, recipient, expiresAtIso: task.finalAt },
  })
