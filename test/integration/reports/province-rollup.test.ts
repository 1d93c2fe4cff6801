/**
 * The province's roll-up (issue 16 item 5, ADR 0039): `dinsos_provinsi` of Jawa Barat
 * reads every kabupaten/kota of its province, with the cases filed, verval, PPKS found and
 * how many laporan were sent, and nothing of another province; it reads a kecamatan's
 * laporan but never opens, sends, takes or returns one.
 */
import { describe, expect, it } from 'vitest'
import { useTestPlatform } from '../../support/platform'
import { createDriver, intakeBody, nikOf } from '../case/case-driver'
import { createAdminClient, type ErrorBody } from '../admin/admin-client'
import { currentPeriod } from '../verval/verval-driver'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)
const driver = createDriver(url)
const month = currentPeriod()

interface ProvinceRow {
  kabupaten: string
  cases: { filed: number }
  verval: { batches: number }
  ppksFound: number
  submissions: { kecamatan: number; submitted: number; missing: number }
}
type RollUp = { province: string; month: string; items: ProvinceRow[] }

describe('the roll-up of a province', () => {
  it('lists every kabupaten/kota of Jawa Barat with the cases filed and laporan sent in the month', async () => {
    for (const n of [901, 902]) {
      const filed = await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(n) }))
      expect(filed.status).toBe(201)
    }
    const leuwiliang = `/api/laporan/32.01.14/${month}`
    expect((await call('POST', leuwiliang, 'tksk.leuwiliang')).status).toBe(201)
    expect(
      (
        await call('POST', `${leuwiliang}/narasi`, 'tksk.leuwiliang', {
          masalah: 'Banjir.',
          tindakLanjut: 'Bantuan.',
        })
      ).status,
    ).toBe(200)
    expect((await call('POST', `${leuwiliang}/kirim`, 'tksk.leuwiliang')).status).toBe(200)

    const { status, body } = await call<RollUp>(
      'GET',
      `/api/provinsi/rekap?area=32&month=${month}`,
      'dinsos.jabar',
    )
    expect(status).toBe(200)
    expect(body.items.every((row) => row.kabupaten.startsWith('32.'))).toBe(true)
    expect(body.items.length).toBeGreaterThan(20)
    const bogor = body.items.find((row) => row.kabupaten === '32.01')
    expect(bogor).toMatchObject({ cases: { filed: 2 }, verval: { batches: 0 }, ppksFound: 0 })
    expect(bogor?.submissions).toMatchObject({
      submitted: 1,
      missing: (bogor?.submissions.kecamatan ?? 0) - 1,
    })
    const bandung = body.items.find((row) => row.kabupaten === '32.04')
    expect(bandung).toMatchObject({ cases: { filed: 0 }, submissions: { submitted: 0 } })
  })

  it('a province user sees its own kabupaten only', async () => {
    const lampung = await call<ErrorBody>('GET', `/api/provinsi/rekap?area=18&month=${month}`, 'dinsos.jabar')
    expect(lampung.status).toBe(403)
    expect((await call('GET', `/api/laporan?area=18.71&month=${month}`, 'dinsos.jabar')).status).toBe(403)
    expect((await call('GET', `/api/laporan/18.71.04/${month}`, 'dinsos.jabar')).status).toBe(404)
    expect((await call('GET', `/api/laporan?area=32.01&month=${month}`, 'dinsos.jabar')).status).toBe(200)
    expect((await call('GET', `/api/laporan/32.01.14/${month}`, 'dinsos.jabar')).status).toBe(200)
  })

  it('a province user reads laporan but neither opens nor takes one, and a kabupaten office cannot read the province', async () => {
    const leuwiliang = `/api/laporan/32.01.14/${month}`
    expect((await call('POST', `${leuwiliang}/terima`, 'dinsos.jabar')).status).toBe(403)
    expect((await call('POST', `/api/laporan/32.01.15/${month}`, 'dinsos.jabar')).status).toBe(403)
    expect((await call('GET', `/api/provinsi/rekap?area=32&month=${month}`, 'dinsos.bogor')).status).toBe(403)
    expect((await call('GET', `/api/provinsi/rekap?area=32&month=${month}`, 'tksk.leuwiliang')).status).toBe(
      403,
    )
  })

  it('refuses a roll-up asked at something other than a province, with the field path', async () => {
    for (const query of ['area=32.01', 'area=99', `area=32&month=2026-1`]) {
      const { status, body } = await call<ErrorBody>('GET', `/api/provinsi/rekap?${query}`, 'dinsos.jabar')
      expect(status).toBe(400)
      expect(body.error.details?.map((d) => d.path)).toEqual([query.includes('month') ? 'month' : 'area'])
    }
    const national = await call<ErrorBody>('GET', '/api/provinsi/rekap', 'auditor.pusat')
    expect(national.status).toBe(400)
    expect(national.body.error.details?.map((d) => d.path)).toEqual(['area'])
  })
})
