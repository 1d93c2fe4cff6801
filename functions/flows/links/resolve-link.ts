/**
 * From a link id and secret to what the link acts on, by the link's kind: a case task
 * (with its case), a verval batch awaiting approval, or a desa's part of a verval (taken
 * once: a second upload is 409, an expired link 410). A wrong secret is the same 404 as
 * an unknown link. A task link whose recipient no longer holds the task (reassigned) is
 * gone; an approval link of a batch decided is 409 naming who decided when, of a batch
 * no longer awaiting approval (superseded, timed out) or past its expiry gone (410).
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import type { BatchRecord } from '../../core/verval/batch-record'
import { batchDecidedMessage } from '../../core/verval/decided-message'
import { getBatch } from '../../data/batch-repository'
import { getCase } from '../../data/case-repository'
import { getLink, type LinkRecord, subjectOf } from '../../data/link-repository'
import { getTask } from '../../data/task-repository'
import { type DesaPartRecord, desaPartReceivedMessage } from '../../core/verval/desa-part'
import { getDesaPart } from '../../data/desa-part-repository'
import type { DesaPartScope } from '../../data/keys'
import { nowMs } from '../../shared/clock'
import { ConflictError, GoneError, NotFoundError } from '../../shared/errors'
import { linkSecretMatches } from '../../shared/link-secret'

export interface ResolvedTaskLink {
  kind: 'task'
  link: LinkRecord
  task: TaskRecord
  record: CaseRecord
}

export interface ResolvedApprovalLink {
  kind: 'batchApproval'
  link: LinkRecord
  batch: BatchRecord
}

export interface ResolvedDesaPartLink {
  kind: 'desaPart'
  link: LinkRecord
  part: DesaPartRecord
}

export type ResolvedLink = ResolvedTaskLink | ResolvedApprovalLink | ResolvedDesaPartLink

const unknownLink = () => new NotFoundError('Tautan tidak dikenal.')

const resolveTask = async (link: LinkRecord, taskId: string): Promise<ResolvedTaskLink> => {
  const task = await getTask(taskId)
  const record = task && (await getCase(task.caseId))
  if (!task || !record) throw unknownLink()
  if (task.status === 'OPEN' && !task.assignees.some((p) => p.id === link.recipient.id))
    throw new GoneError('Tugas ini sudah dialihkan kepada petugas lain.')
  return { kind: 'task', link, task, record }
}

const resolveApproval = async (link: LinkRecord, batchId: string): Promise<ResolvedApprovalLink> => {
  const batch = await getBatch(batchId)
  if (!batch) throw unknownLink()
  // A superseded batch was never decided: its link is simply gone.
  const decided = batch.status === 'SUPERSEDED' ? undefined : batchDecidedMessage(batch)
  if (decided) throw new ConflictError(decided)
  if (batch.status !== 'AWAITING_APPROVAL' || nowMs() > Date.parse(link.expiresAtIso))
    throw new GoneError(
      'Tautan ini sudah tidak berlaku (verval diganti, sudah diputuskan, atau batas waktu lewat).',
    )
  return { kind: 'batchApproval', link, batch }
}

/** A desa's link takes one upload until it expires; a second is refused naming the first. */
const resolveDesaPart = async (
  link: LinkRecord,
  scope: DesaPartScope & { desaCode: string },
): Promise<ResolvedDesaPartLink> => {
  const part = await getDesaPart(scope, scope.desaCode)
  if (!part) throw unknownLink()
  if (part.received) throw new ConflictError(desaPartReceivedMessage(part))
  if (nowMs() > Date.parse(link.expiresAtIso))
    throw new GoneError('Tautan ini sudah tidak berlaku (batas waktu unggah lewat). Hubungi TKSK kecamatan.')
  return { kind: 'desaPart', link, part }
}

export const resolveLink = async (
  linkId: string | undefined,
  secret: string | undefined,
): Promise<ResolvedLink> => {
  const link = linkId && secret ? await getLink(linkId) : undefined
  if (!link || !secret || !linkSecretMatches(secret, link.secretHash)) throw unknownLink()
  const subject = subjectOf(link)
  switch (subject.kind) {
    case 'task':
      return resolveTask(link, subject.taskId)
    case 'batchApproval':
      return resolveApproval(link, subject.batchId)
    case 'desaPart':
      return resolveDesaPart(link, subject.part)
  }
}
