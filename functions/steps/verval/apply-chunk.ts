/**
 * One iteration of the apply Map: the changes of rows `from`..`to` written to the
 * registry. Rows whose record already carries this batch are skipped before any write,
 * and the write itself is conditioned on it, so a chunk re-run after a crash changes
 * nothing (DESIGN §3 "Apply is idempotent per chunk").
 */
import { applyRowTo, movedAway } from '../../core/verval/kpm-record'
import type { BatchRecord } from '../../core/verval/batch-record'
import { applyKpmWrites, type KpmWrite, type StoredKpm } from '../../data/kpm-repository'
import { readRows } from '../../data/batch-chunks'
import { now } from '../../shared/clock'
import { loadBatch } from './load-batch'
import { readRegistry } from './registry-facts'
import { type RefRow, withRefs } from './row-refs'
import { correlationOf, SYSTEM_ACTOR } from './verval-state'
import { countMetric } from '../../observability/metrics'

const ACTIONS = { BARU: 'KPM_ADDED', UBAH: 'KPM_UPDATED', HAPUS: 'KPM_REMOVED' } as const

const writeOf = (
  batch: BatchRecord,
  row: RefRow,
  previous: StoredKpm | undefined,
  from: StoredKpm | undefined,
  at: string,
): KpmWrite => {
  const change = {
    program: batch.program,
    kecamatan: batch.kecamatan,
    nikRef: row.nikRef,
    kkRef: row.kkRef,
    batchId: batch.batchId,
    period: batch.period,
    at,
  }
  const record = applyRowTo(previous, row, {
    ...change,
    protectedRefs: row.protectedRefs,
    ...(from ? { movedFrom: from.kecamatan } : {}),
  })
  const head = from?.auditHead ?? previous?.auditHead
  // The refs stay off the audit entry, as they stay off every view.
  const { history: _h, protectedRefs: _p, ...after } = record
  return {
    record,
    head,
    ...(from ? { movedAway: movedAway(from, batch.kecamatan, change) } : {}),
    ...(previous ? { previous } : {}),
    action: from ? 'KPM_MOVED_IN' : ACTIONS[row.aksi as keyof typeof ACTIONS],
    before: previous
      ? { status: previous.status, nama: previous.nama, kodeDesa: previous.kodeDesa }
      : from
        ? { kecamatan: from.kecamatan }
        : null,
    after: { ...after, batchId: batch.batchId, line: row.line },
  }
}

export const applyChunk = async (input: {
  batchId: string
  from: number
  to: number
}): Promise<{ changed: number }> => {
  const batch = await loadBatch(input.batchId)
  if (batch.status !== 'APPLYING') return { changed: 0 }
  const rows = (await withRefs(await readRows(batch.batchId, input.from, input.to))).filter(
    (row) => row.aksi !== 'TETAP',
  )
  const registry = await readRegistry(batch.program, batch.kecamatan, rows, { kk: false })
  const at = now()
  const writes = rows
    .filter((row) => registry.here.get(row.nikRef)?.lastBatchId !== batch.batchId)
    .map((row) =>
      writeOf(
        batch,
        row,
        registry.here.get(row.nikRef),
        registry.elsewhere.get(row.nikRef),
        at.toISOString(),
      ),
    )
  const changed = await applyKpmWrites(writes, {
    batchId: batch.batchId,
    actor: SYSTEM_ACTOR,
    correlationId: correlationOf(batch.batchId),
    at,
  })
  countMetric('VervalRowsApplied', { value: changed })
  return { changed }
}
