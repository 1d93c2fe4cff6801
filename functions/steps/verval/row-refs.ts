/** nikRef and kkRef of stored rows (DESIGN §1): the registry is keyed by them, never by the NIK. */
import { nikRefOf } from '../../core/identity/nik-ref'
import type { StoredRow } from '../../core/verval/batch-record'
import { nikPepper } from '../../shared/nik-pepper'

export interface RefRow extends StoredRow {
  nikRef: string
  kkRef: string
}

export const withRefs = async (rows: readonly StoredRow[]): Promise<RefRow[]> => {
  const pepper = await nikPepper()
  return rows.map((row) => ({
    ...row,
    nikRef: nikRefOf(row.nik, pepper),
    kkRef: nikRefOf(row.no_kk, pepper),
  }))
}
