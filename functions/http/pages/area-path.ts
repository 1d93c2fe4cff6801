/**
 * The area steps of the request form from the query: `/?area=32.01.14` (a link opening the
 * form at a code) or the step form's selects, which all send `area` (joined with commas:
 * `32,32.01,32.01.14`). The chain is followed from the top while each code is a child of
 * the one before, so changing the province drops the old regency.
 */
import type { AreaIndex } from '../../core/areas/area-index'
import { areaLevel, kabupatenOf, kecamatanOf, provinceOf } from '../../core/areas/area-code'
import type { AreaChoices, AreaPath } from '../../web/request-form-page'

const ancestorsOf = (code: string): string[] =>
  [
    provinceOf(code),
    kabupatenOf(code),
    kecamatanOf(code),
    areaLevel(code) === 'village' ? code : undefined,
  ].filter((c): c is string => c !== undefined)

export const resolveAreaPath = (index: Pick<AreaIndex, 'get'>, raw: string | undefined): string[] => {
  const codes = (raw ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && areaLevel(c) !== undefined)
  const first = codes[0]
  if (first === undefined) return []
  const chain: string[] = []
  for (const code of ancestorsOf(first)) {
    if (!index.get(code)) return chain
    chain.push(code)
  }
  for (const code of codes.slice(1)) {
    const last = chain[chain.length - 1]
    if (
      chain.length >= 4 ||
      !last ||
      !code.startsWith(`${last}.`) ||
      code.split('.').length !== chain.length + 1
    )
      break
    if (!index.get(code)) break
    chain.push(code)
  }
  return chain
}

export const areaPathOf = (chain: readonly string[]): AreaPath => {
  const [province, regency, district, village] = chain
  return {
    ...(province ? { province } : {}),
    ...(regency ? { regency } : {}),
    ...(district ? { district } : {}),
    ...(village ? { village } : {}),
  }
}

export const areaChoices = (
  index: Pick<AreaIndex, 'provinces' | 'children'>,
  path: AreaPath,
): AreaChoices => ({
  provinces: index.provinces(),
  regencies: path.province ? index.children(path.province) : [],
  districts: path.regency ? index.children(path.regency) : [],
  villages: path.district ? index.children(path.district) : [],
})
