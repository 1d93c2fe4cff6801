/**
 * Go-live of a kabupaten (issue 13 acceptance): a deployment with an empty directory and
 * only its first admin (what context `adminEmail` invites on AWS) imports its staff and
 * its providers from files through the API, then a resident's case runs to the
 * provider's "served" on that data alone — no seed anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStaffMember } from '../../../functions/data/user-repository'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { currentTerm, termCells } from '../../support/staff-term'
import { ASSESSED, createDriver } from '../case/case-driver'
import { createAdminClient } from './admin-client'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const { call, token } = createAdminClient(() => platform.url)

const STAFF_CSV = [
  'username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas',
  `tksk.leuwiliang,Asep Saepudin,asep.tksk@dinsos.bogorkab.go.id,tksk,32.01.14,${termCells(currentTerm((y) => `800/123/SK-Dinsos/${y}`))}`,
  'dinsos.bogor,Rina Marlina,rina.rehsos@dinsos.bogorkab.go.id,dinsos,32.01,,,',
  'kadinsos.bogor,Dedi Supriadi,kadis@dinsos.bogorkab.go.id,dinsos_head,32.01,,,',
].join('\n')

// The spreadsheet of an office in an Indonesian locale: `;` between cells.
const PROVIDERS_CSV = [
  'nama;jenis;email;telepon;layanan;wilayah',
  'Puskesmas Leuwiliang;PUSKESMAS;pkm.leuwiliang@dinkes.bogorkab.go.id;0251-8643210;JAMKESDA RUJUKAN_LAYANAN;32.01.14',
  'Pemerintah Desa Karacak;PEMERINTAH_DESA;desa.karacak@desa.bogorkab.go.id;;SKTM;32.01.14.2001',
].join('\n')

const postCsv = async (path: string, username: string, body: string) =>
  fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(username)}`, 'content-type': 'text/csv' },
    body,
  })

beforeAll(async () => {
  platform = await startTestPlatform({ seed: false })
  // The first admin, as the deployment invites it; everyone else comes from the files.
  await seedStaffMember({
    id: 'admin.bogor',
    username: 'admin.bogor',
    role: 'admin',
    area: '32.01',
    email: 'admin@dinsos.bogorkab.go.id',
    displayName: 'Admin Dinsos Kab. Bogor',
  })
})
afterAll(async () => {
  await platform?.dispose()
})

describe('from an empty deployment to the first served case', () => {
  it('imports staff and providers from files, then a case is served by the imported provider', async () => {
    const empty = await call<{ items: unknown[] }>('GET', '/api/admin/providers', 'admin.bogor')
    expect(empty.body.items).toEqual([])

    const staff = await postCsv('/api/admin/staff/import', 'admin.bogor', STAFF_CSV)
    expect(staff.status, 'POST /api/admin/staff/import (DESIGN §4) must exist').toBeLessThan(300)
    expect(await staff.json()).toMatchObject({ created: 3 })

    const providers = await postCsv('/api/admin/providers/import', 'admin.bogor', PROVIDERS_CSV)
    expect(providers.status).toBe(201)
    expect(await providers.json()).toEqual({ created: 2 })

    const { caseId, reference } = await driver.submitCase()
    const assessment = await driver.mail('asep.tksk@dinsos.bogorkab.go.id', reference, 'Asesmen')
    await driver.act(driver.linkIn(assessment), ASSESSED)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = await driver.mail('rina.rehsos@dinsos.bogorkab.go.id', reference, 'Persetujuan')
    await driver.act(driver.linkIn(approval), { decision: 'APPROVE' })
    await driver.waitForStatus(reference, 'REFERRAL')
    const puskesmas = 'pkm.leuwiliang@dinkes.bogorkab.go.id'
    await driver.act(driver.linkIn(await driver.mail(puskesmas, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await driver.act(driver.linkIn(await driver.mail(puskesmas, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    const detail = await call<{ referral?: { providerName: string } }>(
      'GET',
      `/api/cases/${caseId}`,
      'dinsos.bogor',
    )
    expect(detail.body.referral?.providerName).toBe('Puskesmas Leuwiliang')
  })

  it('a provider file with a bad row is refused whole, each error on its spreadsheet line', async () => {
    const file = [
      'nama,jenis,email,telepon,layanan,wilayah',
      'RSUD Leuwiliang,RSUD,rsud@dinkes.bogorkab.go.id,,JAMKESDA,32.01',
      'Klinik X,KLINIK,klinik@example.org,,JAMKESDA,32.01.99',
      'Puskesmas lagi,PUSKESMAS,RSUD@dinkes.bogorkab.go.id,,JAMKESDA,32.01.14',
      'Dinsos Lampung,DINSOS_BIDANG,lampung@example.org,,SKTM,18.71',
    ].join('\n')
    const response = await postCsv('/api/admin/providers/import', 'admin.bogor', file)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { details: { path: string }[] } }
    expect(body.error.details.map((d) => d.path)).toEqual([
      'rows.3.jenis',
      'rows.3.wilayah',
      'rows.4.email',
      'rows.5.wilayah',
    ])
    const listed = await call<{ items: { name: string }[] }>('GET', '/api/admin/providers', 'admin.bogor')
    expect(listed.body.items.map((p) => p.name)).not.toContain('RSUD Leuwiliang')
  })
})
