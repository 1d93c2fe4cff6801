/**
 * What the registry knows of the rows of a chunk, in BatchGetItems only (ADR 0019):
 * the records of this kecamatan, then for each BARU not active here the lookups of its
 * NIK (active in another kecamatan: a move) and KK (held by another KPM), then the
 * records those lookups point to.
 */
import type { RegistryFacts } from '../../core/verval/registry-rules'
import { activeLookups, getKpms, getKpmsAt, type StoredKpm } from '../../data/kpm-repository'
import type { RefRow } from './row-refs'

export interface ChunkRegistry {
  here: Map<string, StoredKpm>
  /** The active record of a BARU's NIK in another kecamatan. */
  elsewhere: Map<string, StoredKpm>
  facts: Map<string, RegistryFacts>
}

export const readRegistry = async (
  program: string,
  kecamatan: string,
  rows: readonly RefRow[],
  options: { kk: boolean },
): Promise<ChunkRegistry> => {
  const here = await getKpms(
    program,
    kecamatan,
    rows.map((row) => row.nikRef),
  )
  const isActiveHere = (row: RefRow) => here.get(row.nikRef)?.status === 'ACTIVE'
  const newcomers = rows.filter((row) => row.aksi === 'BARU' && !isActiveHere(row))
  const lookups = await activeLookups(program, {
    nikRefs: newcomers.map((row) => row.nikRef),
    kkRefs: options.kk ? newcomers.map((row) => row.kkRef) : [],
  })
  const places = newcomers.flatMap((row) => {
    const activeIn = lookups.nik.get(row.nikRef)
    return activeIn !== undefined && activeIn !== kecamatan
      ? [{ nikRef: row.nikRef, kecamatan: activeIn }]
      : []
  })
  // The record itself decides, as before the lookups: active, and in another kecamatan.
  const elsewhere = new Map(
    [...(await getKpmsAt(program, places))].filter(
      ([, record]) => record.status === 'ACTIVE' && record.kecamatan !== kecamatan,
    ),
  )
  const facts = new Map<string, RegistryFacts>()
  for (const row of newcomers) {
    const kkHolder = lookups.kk.get(row.kkRef)
    facts.set(row.nikRef, {
      activeHere: false,
      activeIn: elsewhere.get(row.nikRef)?.kecamatan,
      kkHeldByOther: kkHolder !== undefined && kkHolder.nikRef !== row.nikRef,
    })
  }
  for (const row of rows) if (!facts.has(row.nikRef)) facts.set(row.nikRef, { activeHere: isActiveHere(row) })
  return { here, elsewhere, facts }
}
