/** nikRef and kkRef of stored rows (DESIGN §1): the registry is keyed by them, never by the NIK. */
import { nikRefOf } from '../../core/identity/nik-ref'
import type { StoredRow } from '../../core/verval/batch-record'
import { env } from '../../shared/env'

export interface RefRow extends StoredRow {
  nikRef: string
  kkRef: string
}

export const withRefs = (rows: readonly StoredRow[]): RefRow[] => {
  const pepper = env.nikPepper()
  return rows.map((row) => ({
    ...row,
    nikRef: nikRefOf(row.nik, pepper),
    kkRef: nikRefOf(row.no_kk, pepper),
  }))
}
