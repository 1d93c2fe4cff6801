/**
 * The areas a provider serves (DESIGN §4): the kabupaten/kota itself, or listed kecamatan
 * and desa/kelurahan, all inside one kabupaten/kota. Errors name the list position
 * (`areas.2`), as every field path of the contract does.
 */
import { areaLevel, kabupatenOf } from '../areas/area-code'
import type { AreaIndex } from '../areas/area-index'

export interface AreaProblem {
  path: string
  message: string
}

const exists = (index: AreaIndex, code: string): boolean => {
  switch (areaLevel(code)) {
    case 'regency':
      return index.get(code) !== undefined
    case 'district':
      return index.isKecamatan(code)
    case 'village':
      return index.isVillage(code)
    default:
      return false
  }
}

/**
 * Problems of an area list, and the one kabupaten/kota it lies in when there are none.
 * `kabupaten` (an existing provider's) pins the list to it: a provider never moves to
 * another admin's scope.
 */
export const checkProviderAreas = (
  areas: readonly string[],
  index: AreaIndex,
  kabupaten?: string,
): { problems: AreaProblem[]; kabupaten?: string } => {
  const problems: AreaProblem[] = []
  let home = kabupaten
  areas.forEach((code, i) => {
    const path = `areas.${i}`
    if (!exists(index, code)) {
      problems.push({ path, message: `Wilayah ${code} tidak dikenal (kabupaten/kota, kecamatan atau desa).` })
      return
    }
    const own = kabupatenOf(code)
    home ??= own
    if (own !== home)
      problems.push({ path, message: `Wilayah ${code} di luar kabupaten/kota ${home ?? ''} penyedia ini.` })
  })
  if (home !== undefined && areas.includes(home) && areas.length > 1)
    problems.push({
      path: 'areas',
      message: 'Seluruh kabupaten/kota sudah mencakup kecamatan dan desanya; pilih salah satu.',
    })
  return problems.length > 0 || home === undefined ? { problems } : { problems, kabupaten: home }
}
