/**
 * The PSKS register of a kecamatan or of a kabupaten/kota (issue 16 item 2), by
 * kecamatan, then name. A kabupaten holds a few hundred entries at most: read whole.
 */
import { areaLevel, kabupatenOf } from '../../core/areas/area-code'
import type { PsksKind } from '../../core/psks/psks-kinds'
import type { PsksRecord } from '../../core/psks/psks-record'
import { psksOfArea } from '../../data/psks-repository'

export interface PsksListQuery {
  /** A kabupaten/kota or kecamatan code. */
  area: string
  kind?: PsksKind
  active?: boolean
}

const byPlaceThenName = (a: PsksRecord, b: PsksRecord) =>
  a.kecamatan.localeCompare(b.kecamatan) ||
  a.name.localeCompare(b.name, 'id') ||
  a.psksId.localeCompare(b.psksId)

export const listPsks = async (query: PsksListQuery): Promise<PsksRecord[]> => {
  const kabupaten = kabupatenOf(query.area) ?? query.area
  const kecamatan = areaLevel(query.area) === 'district' ? query.area : undefined
  return (await psksOfArea(kabupaten, kecamatan))
    .filter((p) => query.kind === undefined || p.kind === query.kind)
    .filter((p) => query.active === undefined || p.active === query.active)
    .sort(byPlaceThenName)
}
