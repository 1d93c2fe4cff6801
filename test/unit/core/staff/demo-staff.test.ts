import { describe, expect, it } from 'vitest'
import { demoStaffCsv, demoStaffRows } from '../../../../functions/core/staff/demo-staff'
import { readStaffSheet, staffInputOf } from '../../../../functions/core/staff/staff-sheet'
import { staffCreateSchema } from '../../../../functions/core/staff/staff-schemas'

const semarang = { code: '33.74', name: 'KOTA SEMARANG' }
const kecamatan = [
  { code: '33.74.01', name: 'SEMARANG TENGAH' },
  { code: '33.74.02', name: 'SEMARANG UTARA' },
]

describe('the demo staff of another kabupaten', () => {
  it('has the office roles and one TKSK per kecamatan with an SK through next year', () => {
    const rows = demoStaffRows(semarang, kecamatan, 2026)
    expect(rows.map((r) => [r.username, r.peran, r.wilayah])).toEqual([
      ['admin.3374', 'admin', '33.74'],
      ['dinsos.3374', 'dinsos', '33.74'],
      ['kadinsos.3374', 'dinsos_head', '33.74'],
      ['auditor.3374', 'auditor', '33.74'],
      ['tksk.337401', 'tksk', '33.74.01'],
      ['tksk.337402', 'tksk', '33.74.02'],
    ])
    expect(rows[4]).toMatchObject({
      nama: 'TKSK Semarang Tengah',
      no_sk: 'DEMO/3374/2026',
      awal_tugas: '2026-01-01',
      // Through next year, so a demo loaded in late December is not ended within days.
      akhir_tugas: '2027-12-31',
    })
  })

  it('reads back through the import sheet as valid invitations', async () => {
    const csv = demoStaffCsv(demoStaffRows(semarang, kecamatan, 2026))
    const rows = await readStaffSheet(Buffer.from(csv), 'csv')
    for (const row of rows) expect(staffCreateSchema.safeParse(staffInputOf(row)).success).toBe(true)
  })
})
