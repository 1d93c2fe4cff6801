/**
 * The rule across batches (DESIGN §3) at upload: the batch holding the period is
 * superseded when still VALIDATING, INVALID or AWAITING_APPROVAL (its approval links
 * die with it: they only act on a batch awaiting approval), and the upload is refused
 * when it is APPLYING or APPLIED. A superseded batch that needed attention (ADR 0040)
 * leaves the "Perlu perhatian" list in the same transaction: nothing of it waits any more.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { BatchRecord } from '../../core/verval/batch-record'
import { SUPERSEDABLE, uploadVerdict } from '../../core/verval/batch-status'
import { readAttention, unlistAttention } from '../../data/attention-repository'
import { currentBatchOf, transition } from '../../data/batch-repository'
import { batchKey } from '../../data/keys'
import { now } from '../../shared/clock'
import { batchSubject } from '../attention/attention-subjects'
import { stopVervalWorkflow } from './workflow'

/** The batch id the slot holds now (to replace), `undefined` when free, or `blocked`. */
export const takeSlot = async (
  batch: BatchRecord,
  actor: AuditActor,
  correlationId: string,
): Promise<string | undefined | 'blocked'> => {
  const current = await currentBatchOf(batch)
  const verdict = uploadVerdict(current?.status)
  if (!current || verdict === 'free') return current?.batchId
  if (verdict === 'blocked') return 'blocked'
  const attention = await readAttention(batchKey(current.batchId))
  const superseded = await transition(
    current,
    SUPERSEDABLE,
    'SUPERSEDED',
    {
      action: 'VERVAL_SUPERSEDED',
      actor,
      after: { by: batch.batchId, ...(attention ? { attention: 'ENDED' } : {}) },
      correlationId,
    },
    {
      at: now(),
      fields: { supersededBy: batch.batchId },
      ...(attention ? { alongWith: [unlistAttention(batchSubject(current), attention)] } : {}),
    },
  )
  if (!superseded) {
    // It moved on meanwhile: approved (blocked) or superseded by a racing upload (its slot check decides).
    return takeSlot(batch, actor, correlationId)
  }
  await stopVervalWorkflow(current.batchId)
  return current.batchId
}
