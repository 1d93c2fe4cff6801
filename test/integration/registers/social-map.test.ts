/**
 * Pemetaan sosial (issue 16 item 3, ADR 0038) on known data in Ciampea: the register's
 * active entries and the kecamatan's cases by desa × category (an entry that became a
 * case counted once, an inactive entry not at all, a bansos complaint not at all), the active PSKS by desa and those of
 * the whole kecamatan; the kabupaten's map by kecamatan; the same table as CSV and XLSX.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createAdminClient } from '../admin/admin-client'
import { intakeBody, nikOf } from '../case/case-driver'

let platform: TestPlatform
const { call, token } = createAdminClient(() => platform.url)

interface MapRow {
  code: string
  byCategory: Record<string, number>
  ppks: number
  byKind: Record<string, number>
  psks: number
}
interface MapBody {
  area: string
  level: string
  rows: MapRow[]
  areaWide: { byKind: Record<string, number>; psks: number }
  categories: string[]
  kinds: string[]
  totals: Omit<MapRow, 'code'>
}

const entry = (desa: string, category: string, n: number) => ({
  subject: 'PERSON',
  category,
  name: `Warga ${n}`,
  desa: `32.01.15.${desa}`,
  nik: nikOf(n),
})
const psks = (name: string, kind: string, area: string) => ({ name, kind, area })

beforeAll(async () => {
  platform = await startTestPlatform()
  const record = async (body: unknown) =>
    (await call<{ ppksId: string }>('POST', '/api/ppks', 'tksk.ciampea', body)).body.ppksId
  await record(entry('2001', 'FAKIR_MISKIN', 201))
  await record(entry('2001', 'FAKIR_MISKIN', 202))
  await record(entry('2002', 'LANSIA_TERLANTAR', 203))
  const inactive = await record(entry('2002', 'FAKIR_MISKIN', 204))
  await call('PATCH', `/api/ppks/${inactive}`, 'tksk.ciampea', { active: false })
  const becameCase = await record({
    ...entry('2003', 'KORBAN_BENCANA_ALAM', 205),
    birthDate: '1980-07-05',
    address: 'Kp. Pasir',
  })
  const opened = await call('POST', `/api/ppks/${becameCase}/kasus`, 'tksk.ciampea', {
    service: 'BANTUAN_BENCANA',
    consent: true,
    applicant: { kkStatus: 'NONE' },
  })
  expect(opened.status).toBe(201)
  // A resident of Ciampea files a case herself: the map reads it from the cases.
  const filed = await fetch(`${platform.url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      intakeBody({}, { villageCode: '32.01.15.2001', nik: nikOf(206), kk: '3201150101100001' }),
    ),
  })
  expect(filed.status).toBe(201)
  // A complaint about bansos in the same desa is a case too, but nobody's PPKS (ADR 0036).
  const complained = await fetch(`${platform.url}/api/bansos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'PENGADUAN',
      program: 'BPNT',
      complaintType: 'TIDAK_MENERIMA',
      period: new Date().toISOString().slice(0, 7),
      description: 'Bulan ini bantuan sembako belum diterima sama sekali.',
      complainant: { name: 'Ibu Warsih', address: 'Kp. Ciampea', villageCode: '32.01.15.2001' },
      consent: true,
    }),
  })
  expect(complained.status).toBe(201)
  await call(
    'POST',
    '/api/psks',
    'tksk.ciampea',
    psks('Karang Taruna Ciampea', 'KARANG_TARUNA', '32.01.15.2001'),
  )
  await call('POST', '/api/psks', 'tksk.ciampea', psks('PSM Kecamatan Ciampea', 'PSM', '32.01.15'))
  const { body: closed } = await call<{ psksId: string }>(
    'POST',
    '/api/psks',
    'tksk.ciampea',
    psks('LKS yang sudah tutup', 'LKS', '32.01.15.2002'),
  )
  await call('PATCH', `/api/psks/${closed.psksId}`, 'tksk.ciampea', { active: false })
})
afterAll(async () => {
  await platform?.dispose()
})

const rowOf = (map: MapBody, code: string) => map.rows.find((r) => r.code === code)

describe('the social map', () => {
  it('of a kecamatan counts PPKS by desa × category and the PSKS present, each person once', async () => {
    const { status, body } = await call<MapBody>('GET', '/api/peta-sosial', 'tksk.ciampea')
    expect(status).toBe(200)
    expect(body).toMatchObject({ area: '32.01.15', level: 'district' })
    expect(body.categories).toEqual(['LANSIA_TERLANTAR', 'KORBAN_BENCANA_ALAM', 'FAKIR_MISKIN'])
    expect(body.kinds).toEqual(['PSM', 'KARANG_TARUNA'])
    expect(rowOf(body, '32.01.15.2001')).toEqual({
      code: '32.01.15.2001',
      byCategory: { FAKIR_MISKIN: 3 },
      ppks: 3,
      byKind: { KARANG_TARUNA: 1 },
      psks: 1,
    })
    expect(rowOf(body, '32.01.15.2002')).toMatchObject({
      byCategory: { LANSIA_TERLANTAR: 1 },
      ppks: 1,
      psks: 0,
    })
    expect(rowOf(body, '32.01.15.2003')).toMatchObject({ byCategory: { KORBAN_BENCANA_ALAM: 1 }, ppks: 1 })
    expect(body.areaWide).toEqual({ byKind: { PSM: 1 }, psks: 1 })
    expect(body.totals).toMatchObject({ ppks: 5, psks: 2 })
    // Every desa has its row, the empty ones too.
    expect(body.rows.length).toBeGreaterThan(10)
    expect(rowOf(body, '32.01.15.2004')).toMatchObject({ ppks: 0, psks: 0 })
  })

  it('of a kabupaten counts the same by kecamatan', async () => {
    const { body } = await call<MapBody>('GET', '/api/peta-sosial?area=32.01', 'dinsos.bogor')
    expect(body.level).toBe('regency')
    expect(rowOf(body, '32.01.15')).toEqual({
      code: '32.01.15',
      byCategory: { FAKIR_MISKIN: 3, LANSIA_TERLANTAR: 1, KORBAN_BENCANA_ALAM: 1 },
      ppks: 5,
      byKind: { KARANG_TARUNA: 1, PSM: 1 },
      psks: 2,
    })
    expect(rowOf(body, '32.01.14')).toMatchObject({ ppks: 0, psks: 0 })
    expect(body.totals).toMatchObject({ ppks: 5, psks: 2 })
  })

  it('downloads as CSV and XLSX with the same figures', async () => {
    const get = async (format: string) =>
      fetch(`${platform.url}/api/peta-sosial?area=32.01.15&format=${format}`, {
        headers: { authorization: `Bearer ${await token('tksk.ciampea')}` },
      })
    const csv = await get('csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (await csv.text()).split('\r\n')
    expect(lines[1]).toBe(
      'Desa/kelurahan,Kode,Lanjut Usia Terlantar,Korban Bencana Alam,Fakir Miskin,Jumlah PPKS,Pekerja Sosial Masyarakat (PSM),Karang Taruna,Jumlah PSKS',
    )
    expect(lines).toContain('Ciampea,32.01.15.2001,0,0,3,3,0,1,1')
    expect(lines).toContain('PSKS tingkat kecamatan,,0,0,0,0,1,0,1')
    expect(lines).toContain('Jumlah,,1,1,3,5,1,1,2')
    const xlsx = await get('xlsx')
    expect(xlsx.headers.get('content-disposition')).toContain('peta-sosial-32.01.15.xlsx')
    const bytes = Buffer.from(await xlsx.arrayBuffer())
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('of another kecamatan is refused to a TKSK, and a bad area or format says where', async () => {
    expect((await call('GET', '/api/peta-sosial?area=32.01.14', 'tksk.ciampea')).status).toBe(403)
    const bad = await call<{ error: { details: { path: string }[] } }>(
      'GET',
      '/api/peta-sosial?area=32.01.15.2001&format=pdf',
      'tksk.ciampea',
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(['area', 'format'])
  })
})
