/**
 * After the apply Map: the batch APPLIED with its summary on the batch's chain, and the
 * moves told to both TKSK (the kecamatan the family left and this one), once each.
 */
import { tkskFor } from '../../flows/case/routing'
import { transition } from '../../data/batch-repository'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { mailNotice } from './verval-mail'
import { correlationOf, end, SYSTEM_ACTOR, type VervalState } from './verval-state'

const tellMoves = async (batchId: string): Promise<void> => {
  const batch = await loadBatch(batchId)
  const byOrigin = new Map<string, number[]>()
  for (const move of batch.moves ?? [])
    byOrigin.set(move.from, [...(byOrigin.get(move.from) ?? []), move.line])
  if (byOrigin.size === 0) return
  const here = await tkskFor(batch.kecamatan)
  const lines = [...byOrigin].map(
    ([from, rows]) => `- ${rows.length} KPM pindah dari kecamatan ${from} (baris ${rows.join(', ')})`,
  )
  await mailNotice(
    batch,
    here,
    `moves:${batch.kecamatan}`,
    `KPM pindah masuk: ${batch.program} ${batch.period}`,
    [
      `Verval ${batch.program} periode ${batch.period} kecamatan ${batch.kecamatan} telah diterapkan dengan KPM pindahan:`,
      ...lines,
    ],
  )
  for (const [from, rows] of byOrigin) {
    await mailNotice(
      batch,
      await tkskFor(from),
      `moves:${from}`,
      `KPM pindah keluar: ${batch.program} ${batch.period}`,
      [
        `${rows.length} KPM ${batch.program} dari kecamatan ${from} kini terdaftar di kecamatan ${batch.kecamatan} (verval periode ${batch.period}).`,
        'Data KPM tersebut di kecamatan Anda ditandai PINDAH.',
      ],
    )
  }
}

export const finishApply = async (
  state: VervalState & { applied?: { changed: number }[] },
): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
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
    { at: now(), fields: { appliedAt: now().toISOString() } },
  )
  if ((await loadBatch(state.batchId)).status === 'APPLIED') await tellMoves(state.batchId)
  return end(state)
}
