/**
 * What the registry knows of the rows of a chunk: one BatchGet per 100 rows for this
 * kecamatan, and for each BARU not active here the NIK across kecamatan (a move) and
 * the KK (held by another KPM).
 */
import type { RegistryFacts } from '../../core/verval/registry-rules'
import { activeKpmOfKk, getKpms, inParallel, kpmsOfNik, type StoredKpm } from '../../data/kpm-repository'
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
  const elsewhere = new Map<string, StoredKpm>()
  const facts = new Map<string, RegistryFacts>()
  const isActiveHere = (row: RefRow) => here.get(row.nikRef)?.status === 'ACTIVE'
  const newcomers = rows.filter((row) => row.aksi === 'BARU' && !isActiveHere(row))
  await inParallel(
    newcomers,
    async (row) => {
      const [records, kkHolder] = await Promise.all([
        kpmsOfNik(program, row.nikRef),
        options.kk ? activeKpmOfKk(program, row.kkRef) : Promise.resolve(undefined),
      ])
      const active = records.find((record) => record.status === 'ACTIVE' && record.kecamatan !== kecamatan)
      if (active) elsewhere.set(row.nikRef, active)
      facts.set(row.nikRef, {
        activeHere: false,
        activeIn: active?.kecamatan,
        kkHeldByOther: kkHolder !== undefined && kkHolder.nikRef !== row.nikRef,
      })
    },
    16,
  )
  for (const row of rows) if (!facts.has(row.nikRef)) facts.set(row.nikRef, { activeHere: isActiveHere(row) })
  return { here, elsewhere, facts }
}
