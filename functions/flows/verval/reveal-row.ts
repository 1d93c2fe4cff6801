/**
 * A verval row in full (issue 21 item 2, ADR 0034): the NIK, KK and KKS and the protected
 * bank account and mother's name, as the case reveal opens a case (DESIGN §4), with a
 * purpose, recorded as `PII_READ` on the batch's chain before anything is answered.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { maskPersonalText } from '../../core/identity/disclosure'
import { maskProtectedIn } from '../../core/identity/mask-protected'
import type { BatchRecord } from '../../core/verval/batch-record'
import { appendAudit } from '../../data/audit-repository'
import { readRows } from '../../data/batch-chunks'
import { auditEntityId } from '../../data/keys'
import { NotFoundError } from '../../shared/errors'

/** What a reveal opens: the cells every other view masks. */
export const REVEALED_CELLS = ['nik', 'no_kk', 'no_kks', 'no_rekening', 'nama_ibu_kandung'] as const

export const revealRow = async (
  batch: BatchRecord,
  line: number,
  purpose: string,
  actor: AuditActor,
  correlationId: string,
) => {
  const row = (await readRows(batch.batchId, 1, batch.rows)).find((candidate) => candidate.line === line)
  if (!row) throw new NotFoundError(`Baris ${line} tidak ada di batch ini.`)
  // Written before the answer: a reveal that could not be recorded is not shown.
  await appendAudit({
    entityId: auditEntityId.batch(batch.batchId),
    area: batch.kecamatan,
    actor,
    action: 'PII_READ',
    before: null,
    // The purpose may quote what the row opens (the account, the mother's name, the birth
    // date its NIK encodes): it is kept as the other views show them, since auditors read the chain.
    after: {
      purpose: maskPersonalText(maskProtectedIn(purpose, row), { nik: row.nik }),
      line,
      fields: [...REVEALED_CELLS],
    },
    correlationId,
  })
  return {
    batchId: batch.batchId,
    line,
    nama: row.nama,
    ...Object.fromEntries(REVEALED_CELLS.map((cell) => [cell, row[cell]])),
  }
}
