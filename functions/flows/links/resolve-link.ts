/**
 * From a link id and secret to its task and case. A wrong secret is the same 404 as an
 * unknown link; a link whose recipient no longer holds the task (reassigned) is gone.
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { getCase } from '../../data/case-repository'
import { getLink, type LinkRecord, subjectOf } from '../../data/link-repository'
import { getTask } from '../../data/task-repository'
import { GoneError, NotFoundError } from '../../shared/errors'
import { linkSecretMatches } from '../../shared/link-secret'

export interface ResolvedLink {
  link: LinkRecord
  task: TaskRecord
  record: CaseRecord
}

export const resolveLink = async (
  linkId: string | undefined,
  secret: string | undefined,
): Promise<ResolvedLink> => {
  const link = linkId && secret ? await getLink(linkId) : undefined
  if (!link || !secret || !linkSecretMatches(secret, link.secretHash))
    throw new NotFoundError('Tautan tidak dikenal.')
  const subject = subjectOf(link)
  // A verval approval link is answered at its own address, not as a task.
  const task = subject.kind === 'task' ? await getTask(subject.taskId) : undefined
  const record = task && (await getCase(task.caseId))
  if (!task || !record) throw new NotFoundError('Tautan tidak dikenal.')
  if (task.status === 'OPEN' && !task.assignees.some((p) => p.id === link.recipient.id))
    throw new GoneError('Tugas ini sudah dialihkan kepada petugas lain.')
  return { link, task, record }
}
