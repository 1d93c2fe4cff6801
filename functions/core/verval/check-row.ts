/**
 * Everything the validation says about one row: its own errors, the repeats found in
 * the file at upload, its errors against the registry, and — when it is sound — what it
 * does to the registry. Registry checks only run on rows that are otherwise sound, so a
 * malformed NIK is reported once, as malformed.
 */
import { regionFlags } from '../identity/validate-identity'
import type { Aksi } from './columns'
import { type Effect, effectOf, isMove, type RegistryFacts, registryErrors } from './registry-rules'
import { type Repeat, repeatError } from './repeats'
import type { RowError } from './row-error'
import { type RowContext, rowErrors } from './row-rules'
import type { VervalRow } from './verval-row'

export interface RowVerdict {
  errors: RowError[]
  effect?: Effect
  /** The kecamatan the family moves from (a BARU of a NIK active elsewhere). */
  movedFrom?: string
  /** The NIK or KK names a kecamatan not in today's list (a region split since): accepted, shown to the TKSK. */
  oldRegion?: true
}

export const checkRowOnItsOwn = (
  row: VervalRow,
  context: RowContext,
  repeats: readonly Repeat[],
): RowError[] => [...rowErrors(row, context), ...repeats.map(repeatError)]

export const checkRow = (
  row: VervalRow,
  context: RowContext,
  repeats: readonly Repeat[],
  facts: RegistryFacts | undefined,
): RowVerdict => {
  const own = checkRowOnItsOwn(row, context, repeats)
  if (own.length > 0) return { errors: own }
  if (!facts) throw new Error(`registry facts missing for sound row ${row.line}`)
  const errors = registryErrors(row, facts)
  if (errors.length > 0) return { errors }
  const move = isMove(row, facts, context.kecamatan)
  const oldRegion = regionFlags({ nik: row.nik, kk: row.no_kk }, context).length > 0
  return {
    errors: [],
    effect: effectOf(row.aksi as Aksi),
    ...(move && facts.activeIn ? { movedFrom: facts.activeIn } : {}),
    ...(oldRegion ? { oldRegion: true } : {}),
  }
}
