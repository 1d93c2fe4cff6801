/**
 * nikRef and kkRef of stored rows (DESIGN §1): the registry is keyed by them, never by
 * the NIK. The protected columns get refs the same way (ADR 0034): the registry keeps
 * them masked and tells a change by the ref.
 */
import { nikRefOf } from '../../core/identity/nik-ref'
import type { StoredRow } from '../../core/verval/batch-record'
import type { ProtectedRefs } from '../../core/verval/kpm-record'
import { nikPepper } from '../../shared/nik-pepper'

export interface RefRow extends StoredRow {
  nikRef: string
  kkRef: string
  protectedRefs: ProtectedRefs
}

const protectedRefsOf = (row: StoredRow, pepper: string): ProtectedRefs => ({
  ...(row.no_rekening ? { noRekening: nikRefOf(`rekening:${row.no_rekening}`, pepper) } : {}),
  ...(row.nama_ibu_kandung
    ? { namaIbuKandung: nikRefOf(`ibu:${row.nama_ibu_kandung.trim().toUpperCase()}`, pepper) }
    : {}),
})

export const withRefs = async (rows: readonly StoredRow[]): Promise<RefRow[]> => {
  const pepper = await nikPepper()
  return rows.map((row) => ({
    ...row,
    nikRef: nikRefOf(row.nik, pepper),
    kkRef: nikRefOf(row.no_kk, pepper),
    protectedRefs: protectedRefsOf(row, pepper),
  }))
}
