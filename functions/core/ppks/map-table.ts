/**
 * The social map as one table of text and numbers (issue 16 item 3): the page, the CSV
 * and the XLSX show the same header and rows, so a figure reads the same wherever it is
 * looked at. Columns: the place, its code, one per PPKS category present, the PPKS
 * total, one per PSKS kind present, the PSKS total; a last row of totals.
 */
import { PSKS_KIND_LABELS } from '../psks/psks-kinds'
import { mapCategoryLabel, type SocialMap } from './ppks-map'

export interface MapTable {
  header: string[]
  rows: (string | number)[][]
}

export const mapTable = (
  map: SocialMap,
  options: { rowLabel: string; placeName: (code: string) => string },
): MapTable => {
  const header = [
    options.rowLabel,
    'Kode',
    ...map.categories.map(mapCategoryLabel),
    'Jumlah PPKS',
    ...map.kinds.map((k) => PSKS_KIND_LABELS[k]),
    'Jumlah PSKS',
  ]
  const line = (label: string, code: string, row: Partial<SocialMap['totals']>) => [
    label,
    code,
    ...map.categories.map((c) => row.byCategory?.[c] ?? 0),
    row.ppks ?? 0,
    ...map.kinds.map((k) => row.byKind?.[k] ?? 0),
    row.psks ?? 0,
  ]
  const areaWide = map.areaWide.psks > 0 ? [line('PSKS tingkat kecamatan', '', map.areaWide)] : []
  return {
    header,
    rows: [
      ...map.rows.map((row) => line(options.placeName(row.code), row.code, row)),
      ...areaWide,
      line('Jumlah', '', map.totals),
    ],
  }
}
