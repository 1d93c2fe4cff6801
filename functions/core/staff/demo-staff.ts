/**
 * The demo staff of any kabupaten/kota (issue 13: locally, a documented command loads
 * another kabupaten's staff): one TKSK per kecamatan and the office's Dinsos, head,
 * auditor and admin, as the rows of the staff sheet, so they go through the import.
 */
import { compactCode } from '../areas/area-code'
import { STAFF_COLUMNS, type StaffColumn } from './staff-sheet'

export interface DemoArea {
  code: string
  name: string
}

const titleCase = (name: string): string =>
  name
    .toLowerCase()
    .replace(/(^|[\s(/-])(\p{L})/gu, (_m, lead: string, letter: string) => lead + letter.toUpperCase())

/** `year`: the current year where the kabupaten is (its WIB/WITA/WIT wall clock). */
export const demoStaffRows = (
  kabupaten: DemoArea,
  kecamatan: readonly DemoArea[],
  year: number,
): Record<StaffColumn, string>[] => {
  const code = compactCode(kabupaten.code)
  const office = titleCase(kabupaten.name)
  const row = (username: string, nama: string, peran: string, wilayah: string, term = false) => ({
    username,
    nama,
    email: `${username}@demo-${code}.local`,
    peran,
    wilayah,
    no_sk: term ? `DEMO/${code}/${year}` : '',
    awal_tugas: term ? `${year}-01-01` : '',
    // Through next year: a demo loaded in late December would otherwise be ended by the
    // daily term-end job within days, and one loaded from 1 January refused as over.
    akhir_tugas: term ? `${year + 1}-12-31` : '',
  })
  return [
    row(`admin.${code}`, `Administrator ${office}`, 'admin', kabupaten.code),
    row(`dinsos.${code}`, `Dinsos ${office}`, 'dinsos', kabupaten.code),
    row(`kadinsos.${code}`, `Kepala Dinsos ${office}`, 'dinsos_head', kabupaten.code),
    row(`auditor.${code}`, `Inspektorat ${office}`, 'auditor', kabupaten.code),
    ...kecamatan.map((k) =>
      row(`tksk.${compactCode(k.code)}`, `TKSK ${titleCase(k.name)}`, 'tksk', k.code, true),
    ),
  ]
}

/** The rows as a CSV the import reads (no cell of ours holds a comma or quote). */
export const demoStaffCsv = (rows: readonly Record<StaffColumn, string>[]): string =>
  [
    STAFF_COLUMNS.join(','),
    ...rows.map((r) => STAFF_COLUMNS.map((c) => r[c].replaceAll(',', ' ')).join(',')),
  ].join('\n')
