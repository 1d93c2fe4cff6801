/**
 * The TKSK composes the kecamatan's batch from the desa parts that arrived plus their own
 * rows (issue 21 item 1, ADR 0033). A family in two sources with a different aksi or data
 * is a conflict: 400 with one detail per conflicting row naming both sources, nothing
 * written. Otherwise the batch is submitted like an upload, keeping which of its lines
 * came from which source, and the composition is audited on the period's desa chain.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { VervalProgram } from '../../core/catalog/verval-programs'
import type { BatchRecord } from '../../core/verval/batch-record'
import { composeParts, type PartConflict, type PartSource } from '../../core/verval/compose-parts'
import { desaSourceLabel, TKSK_SOURCE_LABEL } from '../../core/verval/desa-part'
import type { VervalRow } from '../../core/verval/verval-row'
import { auditComposition, listDesaParts, readDesaPartRows } from '../../data/desa-part-repository'
import { now } from '../../shared/clock'
import { BadRequestError } from '../../shared/errors'
import { submitBatch } from '../verval/submit-batch'

export const TKSK_SOURCE_ID = 'tksk'

/** Where a conflict sits: the TKSK's file as an upload names it, a desa part under its code. */
const conflictPath = (conflict: PartConflict): string =>
  conflict.sourceId === TKSK_SOURCE_ID
    ? `rows.${conflict.line}.${conflict.field}`
    : `parts.${conflict.sourceId}.rows.${conflict.line}.${conflict.field}`

export interface Composing {
  kecamatan: string
  program: VervalProgram
  period: string
  ownRows: readonly VervalRow[]
  uploadedBy: { id: string; email: string }
  actor: AuditActor
  correlationId: string
}

export const composeKecamatanBatch = async (input: Composing): Promise<BatchRecord> => {
  const scope = { kecamatan: input.kecamatan, program: input.program, period: input.period }
  const received = (await listDesaParts(scope)).filter((part) => part.received)
  const sources: PartSource[] = []
  for (const part of received)
    sources.push({
      id: part.desaCode,
      label: desaSourceLabel(part.desaName, part.received?.musdesDate ?? '-'),
      rows: await readDesaPartRows(scope, part.desaCode),
    })
  sources.push({ id: TKSK_SOURCE_ID, label: TKSK_SOURCE_LABEL, rows: input.ownRows })
  const composition = composeParts(sources)
  if (!composition.ok)
    throw new BadRequestError(
      `${composition.conflicts.length} baris bertentangan antara bagian desa dan baris TKSK; perbaiki lalu gabungkan lagi.`,
      composition.conflicts.map((conflict) => ({ path: conflictPath(conflict), message: conflict.message })),
    )
  if (composition.rows.length === 0) {
    const message = 'Belum ada baris: belum ada bagian desa yang masuk dan berkas TKSK kosong.'
    throw new BadRequestError(message, [{ path: 'file', message }])
  }
  const batch = await submitBatch({
    kecamatan: input.kecamatan,
    program: input.program,
    period: input.period,
    rows: composition.rows,
    uploadedBy: input.uploadedBy,
    actor: input.actor,
    correlationId: input.correlationId,
    sources: composition.sources,
  })
  await auditComposition(
    scope,
    { batchId: batch.batchId, sources: composition.sources },
    { actor: input.actor, correlationId: input.correlationId, at: now() },
  )
  return batch
}
