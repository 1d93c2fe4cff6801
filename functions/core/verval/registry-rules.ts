/**
 * A row against the KPM registry (DESIGN §4): `BARU` must not be active in this
 * kecamatan (active in another one is a move: accepted, both TKSK told on apply);
 * `UBAH`, `HAPUS` and `TETAP` need an active KPM here; a KK belongs to at most one
 * active KPM per program. Also what the row does to the registry, for the summary.
 */
import type { Aksi } from './columns'
import type { RowError } from './row-error'
import type { VervalRow } from './verval-row'

/** What the registry knows of the row's NIK (and KK) in the program. */
export interface RegistryFacts {
  /** The KPM of this NIK in the submitter's kecamatan is active. */
  activeHere: boolean
  /** Kecamatan where the NIK is active otherwise (a move), if any. */
  activeIn?: string | undefined
  /** The KK is the active KPM of another NIK in the program. */
  kkHeldByOther?: boolean | undefined
}

export type Effect = 'added' | 'updated' | 'removed' | 'unchanged'

const EFFECTS: Readonly<Record<Aksi, Effect>> = {
  BARU: 'added',
  UBAH: 'updated',
  HAPUS: 'removed',
  TETAP: 'unchanged',
}

export const effectOf = (aksi: Aksi): Effect => EFFECTS[aksi]

export const registryErrors = (row: VervalRow, facts: RegistryFacts): RowError[] => {
  const at = (field: string, code: string, message: string): RowError => ({
    row: row.line,
    field,
    code,
    message,
  })
  const errors: RowError[] = []
  if (row.aksi === 'BARU' && facts.activeHere)
    errors.push(
      at(
        'nik',
        'KPM_ALREADY_ACTIVE',
        'KPM dengan NIK ini sudah aktif di kecamatan ini; gunakan UBAH atau TETAP.',
      ),
    )
  if (row.aksi !== 'BARU' && !facts.activeHere)
    errors.push(
      at(
        'nik',
        'KPM_NOT_FOUND',
        `Tidak ada KPM aktif dengan NIK ini di kecamatan ini untuk aksi ${row.aksi}.`,
      ),
    )
  if (row.aksi === 'BARU' && facts.kkHeldByOther)
    errors.push(
      at('no_kk', 'KK_ALREADY_ACTIVE', 'Nomor KK ini sudah terdaftar pada KPM aktif lain dalam program ini.'),
    )
  return errors
}

/** A BARU of a NIK active in another kecamatan: the family moved here. */
export const isMove = (row: VervalRow, facts: RegistryFacts, kecamatan: string): boolean =>
  row.aksi === 'BARU' && !facts.activeHere && facts.activeIn !== undefined && facts.activeIn !== kecamatan
