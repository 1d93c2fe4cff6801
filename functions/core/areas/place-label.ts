/**
 * How people read an area: by its name, never its Kemendagri code (issue 19). A desa or
 * kelurahan is named with its kecamatan, because village names repeat across a kabupaten
 * (Kabupaten Bogor alone has several "Cibeber"). A code the index does not know is
 * shown as it is: better a code than a wrong name.
 */
import type { AreaIndex } from './area-index'
import { areaLevel, parentCode } from './area-code'

type Names = Pick<AreaIndex, 'get'>

const nameOf = (index: Names, code: string): string | undefined => index.get(code)?.name

// idn-area-data spells provinces and regencies in capitals (`KABUPATEN BOGOR`).
const titleCase = (name: string): string =>
  name
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())

/** `Kab. Bogor`, `Kota Bandar Lampung`: a regency as an office's name reads it. */
const regencyLabel = (name: string): string => titleCase(name).replace(/^Kabupaten /, 'Kab. ')

/**
 * `Leuwiliang, Kec. Leuwiliang` for a village, `Kec. Leuwiliang` for a kecamatan,
 * `Kab. Bogor` for a regency, the province's name in title case.
 */
export const placeLabel = (index: Names, code: string): string => {
  const name = nameOf(index, code)
  if (name === undefined) return code
  const level = areaLevel(code)
  if (level === 'district') return `Kec. ${name}`
  if (level === 'regency') return regencyLabel(name)
  if (level !== 'village') return titleCase(name)
  const kecamatan = nameOf(index, parentCode(code) ?? '')
  return kecamatan === undefined ? name : `${name}, Kec. ${kecamatan}`
}
