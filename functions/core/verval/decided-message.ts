/**
 * Who decided a verval batch and what its approval link and the staff API answer once it
 * is decided: told like a case task's (`core/links/decided-message.ts`), by the decider's
 * name and the local time of the batch's kecamatan (not a user id and a UTC ISO time).
 */
import { type DecidedBy, decidedMessage } from '../links/decided-message'
import type { BatchRecord } from './batch-record'

type DecidedBatch = Pick<BatchRecord, 'decision' | 'approval' | 'kecamatan'>

/** Decisions made before the name (or role) was kept find it among the batch's approvers. */
export const batchDecider = (batch: DecidedBatch): DecidedBy | undefined => {
  const decision = batch.decision
  if (!decision) return undefined
  const approver = batch.approval?.approvers.find((candidate) => candidate.id === decision.by)
  return { name: decision.name ?? approver?.name, role: decision.role ?? approver?.role }
}

export const batchDecidedMessage = (batch: DecidedBatch): string | undefined =>
  batch.decision && decidedMessage('Verval ini', batchDecider(batch), batch.decision.at, batch.kecamatan)
