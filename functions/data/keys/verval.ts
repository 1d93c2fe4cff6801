/**
 * Keys of verval (DESIGN §2 data model, §3 verval workflow): batches and the KPM registry,
 * the national export's chain, the draft rows of bansos cases and the desa's parts.
 */
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

const { batch, kpm } = keyShapes

export const batchKey = (batchId: string): Key => batch.items.batch.key({ batchId })
/** The rows as the upload packed them (ADR 0004): parts of each chunk range, by its first row. */
export const batchChunkPrefix = batch.items.chunk.sk.prefix()
export const batchChunkRangePrefix = (from: number): string => batch.items.chunk.sk.prefix({ from })
/** The first row of the chunk range a packed part belongs to, from its sort key. */
export const batchChunkFromOf = (sk: string): number =>
  Number(batch.items.chunk.sk.parse(sk)?.from ?? Number.NaN)
export const batchChunkKey = (batchId: string, from: number, part: number): Key =>
  batch.items.chunk.key({ batchId, from, part })
/** The error report of a batch: one item per (row, error), in row order. */
export const batchErrorPrefix = batch.items.error.sk.prefix()
export const batchErrorKey = (batchId: string, line: number, position: number): Key =>
  batch.items.error.key({ batchId, line, position })
/** gsi1: batches of a kabupaten/kota by kecamatan, program and period. */
export const batchesByAreaPartition = (area: string): string =>
  batch.indexes.byArea.pk.format({ kabupaten: kabupatenBucket(area) })
export const batchesByAreaEntry = (kecamatan: string, program: string, period: string, batchId: string) =>
  batch.indexes.byArea.entry({ kabupaten: kabupatenBucket(kecamatan), kecamatan, program, period, batchId })
/** gsi1 sort-key prefix of the batches of a kecamatan, optionally of one program and period. */
export const batchesByAreaPrefix = (kecamatan: string, program?: string, period?: string): string =>
  batch.indexes.byArea.sk.prefix({
    kecamatan,
    ...(program !== undefined ? { program } : {}),
    ...(program !== undefined && period !== undefined ? { period } : {}),
  })
/** The one live batch of a kecamatan+program+period: what a new upload supersedes or is refused by. */
export const vervalSlotKey = (kecamatan: string, program: string, period: string): Key =>
  batch.items.slot.key({ kecamatan, program, period })
/** Which approval task a batch's workflow opened (idempotency of the open step). */
export const batchStepMarkerKey = (batchId: string, stepKey: string): Key =>
  batch.items.stepMarker.key({ batchId, stepKey })

export const kpmPartitionPrefix = kpm.items.record.pk.prefix()
export const kpmPartition = (program: string, kecamatan: string): string =>
  kpm.items.record.pk.format({ program, kecamatan })
export const kpmKey = (program: string, kecamatan: string, nikRef: string): Key =>
  kpm.items.record.key({ program, kecamatan, nikRef })
/**
 * Lookup items of the registry (ADR 0019): where a NIK is an active KPM of a program,
 * and which active KPM holds a KK. Written in the same transactions as the records, so
 * validation reads them with BatchGetItem instead of one gsi Query per row.
 */
export const kpmNikLookupKey = (program: string, nikRef: string): Key =>
  kpm.items.nikLookup.key({ program, nikRef })
export const kpmKkLookupKey = (program: string, kkRef: string): Key =>
  kpm.items.kkLookup.key({ program, kkRef })

// ---------------------------------------------------------------------------------------
// The national export of a kabupaten's approved verval changes (issue 21 item 4, ADR 0034):
// one audit chain per kabupaten/kota holds every NATIONAL_EXPORT (the batches it marked
// sent live on the batch items, reached through the period's slots).
// ---------------------------------------------------------------------------------------
export const nationalExportAuditEntityId = (kabupaten: string): string => `national-export:${kabupaten}`

// ---------------------------------------------------------------------------------------
// Draft verval rows of bansos cases (issue 15 item 4, ADR 0036): the kecamatan's rows of
// a period, each keyed by program and case so a replayed decision writes the same row.
// ---------------------------------------------------------------------------------------
const { vervalDraft } = keyShapes
export const vervalDraftKey = (kecamatan: string, period: string, program: string, caseId: string): Key =>
  vervalDraft.items.draft.key({ kecamatan, period, program, caseId })
export const vervalDraftPartition = (kecamatan: string, period: string): string =>
  vervalDraft.items.draft.pk.format({ kecamatan, period })

// ---------------------------------------------------------------------------------------
// The desa's parts of a verval (issue 21 item 1, ADR 0033): one item per desa under its
// kecamatan, program and period, so the TKSK's overview is one Query; one audit chain per
// kecamatan, program and period holds the links sent, the parts received and the compose.
// ---------------------------------------------------------------------------------------
export interface DesaPartScope {
  kecamatan: string
  program: string
  period: string
}
export const desaPartKey = (scope: DesaPartScope, desaCode: string): Key =>
  keyShapes.desaPart.items.part.key({ ...scope, desaCode })
export const desaPartsQuery = (scope: DesaPartScope) => ({
  pk: keyShapes.desaPart.items.part.pk.format(scope),
  skPrefix: keyShapes.desaPart.items.part.sk.prefix({}),
})
export const desaPartAuditEntityId = (scope: DesaPartScope): string => keyShapes.desaPart.chain.format(scope)
