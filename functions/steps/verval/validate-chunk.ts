/**
 * One iteration of the validation Map: the rows `from`..`to` read from their packed
 * parts, checked on their own and against the registry; their errors stored as the
 * report's items (keyed by line, so a re-run rewrites the same ones); the chunk's
 * summary and moves returned for the merge. Nothing else is written (ADR 0019).
 */
import { checkRow } from '../../core/verval/check-row'
import type { RowError } from '../../core/verval/row-error'
import { countEffect, emptySummary, type BatchSummary } from '../../core/verval/summary'
import { loadAreaIndex } from '../../data/area-source'
import { readChunk } from '../../data/batch-chunks'
import { putErrors } from '../../data/batch-repository'
import { loadBatch } from './load-batch'
import { readRegistry } from './registry-facts'
import { withRefs } from './row-refs'
import { countMetric } from '../../observability/metrics'

export interface ChunkValidation {
  errorCount: number
  summary: BatchSummary
  moves: { line: number; from: string }[]
  /** Lines of sound rows whose NIK or KK carries an old or unknown kecamatan code. */
  oldRegionLines: number[]
}

export const validateChunk = async (input: {
  batchId: string
  from: number
  to: number
}): Promise<ChunkValidation> => {
  const batch = await loadBatch(input.batchId)
  const summary = emptySummary()
  if (batch.status !== 'VALIDATING') return { errorCount: 0, summary, moves: [], oldRegionLines: [] }
  const rows = await withRefs(await readChunk(batch.batchId, input.from))
  const areas = loadAreaIndex()
  const context = {
    kecamatan: batch.kecamatan,
    program: batch.program,
    isProvince: (code: string) => areas.isProvince(code),
    isKecamatan: (code: string) => areas.isKecamatan(code),
    isVillage: (code: string) => areas.isVillage(code),
  }
  const registry = await readRegistry(batch.program, batch.kecamatan, rows, { kk: true })
  const errors: RowError[] = []
  const moves: ChunkValidation['moves'] = []
  const oldRegionLines: number[] = []
  for (const row of rows) {
    const verdict = checkRow(row, context, row.repeats, registry.facts.get(row.nikRef))
    errors.push(...verdict.errors)
    if (verdict.effect) countEffect(summary, row.kode_desa, verdict.effect)
    if (verdict.movedFrom) moves.push({ line: row.line, from: verdict.movedFrom })
    if (verdict.oldRegion) oldRegionLines.push(row.line)
  }
  await putErrors(batch.batchId, errors)
  countMetric('VervalRowsInvalid', { value: new Set(errors.map((error) => error.row)).size })
  return { errorCount: errors.length, summary, moves, oldRegionLines }
}
