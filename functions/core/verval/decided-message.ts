/**
 * What a batch's approval link and the staff API answer once the batch is decided: told
 * like a case task's, by the decider's name and the local time of the batch's kecamatan
 * (not a user id and a UTC ISO time).
 */
import { formatLocalTime } from '../calendar/local-time'
import type { BatchRecord } from './batch-record'

export const batchDecidedMessage = (
  batch: Pick<BatchRecord, 'decision' | 'approval' | 'kecamatan'>,
): string | undefined => {
  const decision = batch.decision
  if (!decision) return undefined
  const name =
    decision.name ?? batch.approval?.approvers.find((approver) => approver.id === decision.by)?.name
  return `Verval ini sudah diputuskan oleh ${name ?? 'petugas lain'} pada ${formatLocalTime(decision.at, batch.kecamatan)}.`
}
