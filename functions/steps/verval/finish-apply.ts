/**
 * After the apply Map: the batch APPLIED with its summary on the batch's chain, and the
 * moves told to both TKSK (the kecamatan the family left and this one), in the same
 * transaction as the APPLIED status (ADR 0020): once each. Kecamatan are named, not coded
 * (issue 19): a TKSK reads "Kec. Leuwiliang", not `32.01.14`.
 */
import type { MailDraft } from '../../core/outbox/outbox-mail'
import type { BatchRecord } from '../../core/verval/batch-record'
import { tkskFor } from '../../flows/case/routing'
import { batchPlaceName, noticeDraft } from '../../flows/verval/batch-mail'
import { transition } from '../../data/batch-repository'
import { mailPut } from '../../data/outbox-repository'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { correlationOf, end, SYSTEM_ACTOR, type VervalState } from './verval-state'

const moveNotices = async (batch: BatchRecord): Promise<MailDraft[]> => {
  const byOrigin = new Map<string, number[]>()
  for (const move of batch.moves ?? [])
    byOrigin.set(move.from, [...(byOrigin.get(move.from) ?? []), move.line])
  if (byOrigin.size === 0) return []
  const here = batchPlaceName(batch.kecamatan)
  const lines = [...byOrigin].map(
    ([from, rows]) => `- ${rows.length} KPM pindah dari ${batchPlaceName(from)} (baris ${rows.join(', ')})`,
  )
  const incoming = noticeDraft(
    batch,
    await tkskFor(batch.kecamatan),
    `moves:${batch.kecamatan}`,
    `KPM pindah masuk: ${batch.program} ${batch.period}`,
    [
      `Verval ${batch.program} periode ${batch.period} ${here} telah diterapkan dengan KPM pindahan:`,
      ...lines,
    ],
  )
  const outgoing: MailDraft[] = []
  for (const [from, rows] of byOrigin) {
    outgoing.push(
      noticeDraft(
        batch,
        await tkskFor(from),
        `moves:${from}`,
        `KPM pindah keluar: ${batch.program} ${batch.period}`,
        [
          `${rows.length} KPM ${batch.program} dari ${batchPlaceName(from)} kini terdaftar di ${here} (verval periode ${batch.period}).`,
          'Data KPM tersebut di kecamatan Anda ditandai PINDAH.',
        ],
      ),
    )
  }
  return [incoming, ...outgoing]
}

export const finishApply = async (
  state: VervalState & { applied?: { changed: number }[] },
): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  if (batch.status !== 'APPLYING') return end(state)
  const at = now()
  const notices = await moveNotices(batch)
  await transition(
    batch,
    ['APPLYING'],
    'APPLIED',
    {
      action: 'VERVAL_APPLIED',
      actor: SYSTEM_ACTOR,
      after: {
        added: batch.summary?.added ?? 0,
        updated: batch.summary?.updated ?? 0,
        removed: batch.summary?.removed ?? 0,
        unchanged: batch.summary?.unchanged ?? 0,
      },
      correlationId: correlationOf(batch.batchId),
    },
    {
      at,
      fields: { appliedAt: at.toISOString() },
      alongWith: notices.map((notice) => mailPut(notice, at.toISOString())),
    },
  )
  return end(state)
}
