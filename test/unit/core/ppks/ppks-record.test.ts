import { describe, expect, it } from 'vitest'
import {
  ppksAuditView,
  ppksListItem,
  type PpksRecord,
  ppksView,
} from '../../../../functions/core/ppks/ppks-record'

const RECORD: PpksRecord = {
  ppksId: '01JEXAMPLE0000000000000000',
  subject: 'PERSON',
  category: 'LANSIA_TERLANTAR',
  name: 'Mbah Karsih',
  desa: '32.01.14.2001',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  nik: '3201144507800001',
  nikRef: 'ref',
  birthDate: '1980-07-05',
  address: 'Kp. Cibeber',
  notes: 'Tinggal sendiri',
  active: true,
  recordedBy: { id: 'tksk.leuwiliang', role: 'tksk' },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
}

describe('a PPKS entry as it is shown', () => {
  it('masks the NIK and shows the birth year only, never the nikRef', () => {
    const view = ppksView(RECORD)
    expect(view).toMatchObject({ nik: '320114******0001', birthYear: 1980, sensitive: false })
    expect(JSON.stringify(view)).not.toContain('1980-07-05')
    expect(JSON.stringify(view)).not.toContain('nikRef')
  })

  it('stars out the day and month of birth in the notes, however they were written, beside the masked NIK', () => {
    const view = ppksView({ ...RECORD, notes: 'Lahir 5 Juli 1980 (KTP: 05-07-1980), tinggal sendiri' })
    expect(view.notes).toBe('Lahir ** ** 1980 (KTP: **-**-1980), tinggal sendiri')
  })

  it('lists a sensitive entry by its category and desa, without the person', () => {
    const item = ppksListItem({ ...RECORD, category: 'KORBAN_KEKERASAN' })
    expect(item).toEqual({
      ppksId: RECORD.ppksId,
      subject: 'PERSON',
      category: 'KORBAN_KEKERASAN',
      sensitive: true,
      desa: '32.01.14.2001',
      kecamatan: '32.01.14',
      active: true,
      createdAt: RECORD.createdAt,
    })
    expect(ppksListItem({ ...RECORD, category: 'ANAK_JALANAN' }).sensitive).toBe(true)
    expect(ppksListItem(RECORD)).toMatchObject({ sensitive: false, name: 'Mbah Karsih' })
  })

  it('keeps no name, NIK, birth date, address or notes in the audit chain', () => {
    const audited = JSON.stringify(ppksAuditView(RECORD))
    for (const text of ['Karsih', '450780', '1980', 'Cibeber', 'sendiri']) expect(audited).not.toContain(text)
    expect(ppksAuditView(RECORD)).toMatchObject({ hasNik: true, category: 'LANSIA_TERLANTAR' })
  })
})
