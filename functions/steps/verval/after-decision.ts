/** After the approval wait: approved batches go on to apply; a rejected one tells its TKSK why. */
import { tkskFor } from '../../flows/case/routing'
import { loadBatch } from './load-batch'
import { mailNotice } from './verval-mail'
import { end, type VervalState } from './verval-state'

export const afterDecision = async (state: VervalState): Promise<VervalState> => {
  const batch = await loadBatch(state.batchId)
  if (batch.status === 'APPLYING')
    return { batchId: batch.batchId, chunks: state.chunks ?? [], next: 'APPLY' }
  if (batch.status === 'REJECTED') {
    await mailNotice(
      batch,
      await tkskFor(batch.kecamatan),
      'rejected',
      `Verval ditolak: ${batch.program} ${batch.period}`,
      [
        `Verval ${batch.program} periode ${batch.period} ditolak.`,
        `Alasan: ${batch.decision?.reason ?? '-'}`,
        'Silakan perbaiki dan unggah kembali.',
      ],
    )
  }
  return end(state)
}
