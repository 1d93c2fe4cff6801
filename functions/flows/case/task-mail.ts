/** Sends the email of a task (its text is functions/mail/task-mail.ts) with a link of its own. */
import type { Person } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { claimTaskMail } from '../../data/task-repository'
import { composeTaskMail, type TaskMailKind } from '../../mail/task-mail'
import { nowIso } from '../../shared/clock'
import { issueLink } from './issue-link'
import { sendMail } from './send-mail'

/**
 * Sends one task mail with a link record of its own, at most once per `purpose`
 * (`ask:<recipient>`, `reminder:<milestone>:<recipient>`…): a replayed step finds the
 * purpose claimed and sends nothing.
 */
export const mailTaskLink = async (
  task: TaskRecord,
  recipient: Person,
  kind: TaskMailKind,
  purpose: string,
): Promise<void> => {
  const at = nowIso()
  if (!(await claimTaskMail(task.taskId, purpose, at))) return
  const url = await issueLink({ path: '/t', taskId: task.taskId, recipient, expiresAtIso: task.finalAt, at })
  await sendMail(composeTaskMail(task, recipient, kind, url))
}
