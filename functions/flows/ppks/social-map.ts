/**
 * Pemetaan sosial (issue 16 item 3, ADR 0038): the map of a kecamatan (rows: its desa)
 * or of a kabupaten/kota (rows: its kecamatan), from the PPKS register, the cases and
 * the active PSKS of the area. The area is checked by the caller.
 */
import { areaLevel, kecamatanOf } from '../../core/areas/area-code'
import { type SocialMap, socialMap } from '../../core/ppks/ppks-map'
import { loadAreaIndex } from '../../data/area-source'
import { listPsks } from '../psks/list-psks'
import { ppksPoints, readPpksRegister } from './list-ppks'

/** A kecamatan's rows are its desa (a kecamatan-wide PSKS has none); a kabupaten's, its kecamatan. */
const rowOfFor = (area: string) =>
  areaLevel(area) === 'district'
    ? (code: string) => (areaLevel(code) === 'village' ? code : undefined)
    : (code: string) => kecamatanOf(code)

export const loadSocialMap = async (area: string): Promise<SocialMap> => {
  const [register, psks] = await Promise.all([readPpksRegister(area), listPsks({ area, active: true })])
  return socialMap({
    rows: loadAreaIndex()
      .children(area)
      .map((row) => row.code),
    rowOf: rowOfFor(area),
    ppks: ppksPoints(register),
    psks: psks.map((p) => ({ area: p.area, kind: p.kind })),
    // A kecamatan's rows are desa: a sensitive category there is all but a name.
    foldSensitive: areaLevel(area) === 'district',
  })
}
