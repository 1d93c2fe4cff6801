/**
 * A case that no provider of the directory serves (issue 13): it waits on Dinsos's
 * "Pilih penyedia" and goes on with the choice; it never closes by itself. And routing
 * follows the directory as an admin changes it: the most specific area wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createAdminClient, type ProviderBody } from '../admin/admin-client'
import { auditOfCase } from '../audit/case-audit'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from './case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const { call, token } = createAdminClient(() => platform.url)
let person = 300

beforeAll(async () => {
  platform = await startTestPlatform()
  // BPJS Bogor stops taking referrals: KIS PBI has no provider in Kabupaten Bogor.
  expect(
    (await call('PATCH', '/api/admin/providers/bpjs-bogor', 'admin.bogor', { active: false })).status,
  ).toBe(200)
})
afterAll(async () => {
  await platform?.dispose()
})

const assessedCase = async (service: string) => {
  const { caseId, reference } = await driver.submitCase(intakeBody({ service }, { nik: nikOf(++person) }))
  await driver.act(driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), {
    ...ASSESSED,
    service,
  })
  return { caseId, reference }
}

const dashboard = async () =>
  (
    await fetch(`${platform.url}/staff/dashboard`, {
      headers: { authorization: `Bearer ${await token('dinsos.bogor')}` },
    })
  ).text()

describe('a case no provider serves', () => {
  it('waits on Dinsos’s "Pilih penyedia", is counted on the dashboard, and continues to a served referral after the choice', async () => {
    const { caseId, reference } = await assessedCase('KIS_PBI')
    const ask = await driver.mail(EMAILS.dinsos, reference, 'Pilih penyedia')
    expect(ask.text).toContain('Belum ada penyedia aktif untuk layanan ini')
    expect((await driver.status(reference)).body.status).toBe('ASSESSMENT')
    expect(await dashboard()).toContain('Kasus menunggu pilihan penyedia (saat ini): 1')
    expect(await dashboard()).toContain(reference)

    const link = driver.linkIn(ask)
    const page = await (await fetch(link)).text()
    expect(page).toContain('Bidang Rehabilitasi Sosial Dinsos Kab. Bogor')
    expect(page).not.toContain('Dinas Sosial Kota Bandar Lampung')
    const elsewhere = await driver.act(link, { action: 'CHOOSE', providerId: 'dinsos-bandarlampung' })
    expect(elsewhere.response.status).toBe(400)
    const inactive = await driver.act(link, { action: 'CHOOSE', providerId: 'bpjs-bogor' })
    expect(inactive.response.status).toBe(400)
    expect((await driver.act(link, { action: 'CHOOSE', providerId: 'rehsos-bogor' })).response.status).toBe(
      200,
    )

    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.rehsos, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await driver.act(driver.linkIn(await driver.mail(EMAILS.rehsos, reference, 'Laporan hasil')), {
      result: 'SERVED',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    expect(await dashboard()).toContain('Kasus menunggu pilihan penyedia (saat ini): 0')

    const { entries } = await auditOfCase(platform.url, caseId)
    expect(entries.map((e) => `${e.action} by ${e.actor.id}`)).toContain('CASE_RECOMMENDED by dinsos.bogor')
  })

  it('the desa’s own provider serves before a kabupaten-wide one, and a deactivated one no longer does', async () => {
    const { body: desa } = await call<ProviderBody>('POST', '/api/admin/providers', 'admin.bogor', {
      name: 'Poskesdes Karacak',
      kind: 'PUSKESMAS',
      email: 'poskesdes.karacak@dinkes.bogorkab.local',
      services: ['JAMKESDA'],
      areas: ['32.01.14.2001'],
    })
    const first = await assessedCase('JAMKESDA')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, first.reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.mail(desa.email, first.reference, 'Tanggapan')

    await call('PATCH', `/api/admin/providers/${desa.providerId}`, 'admin.bogor', { active: false })
    const second = await assessedCase('JAMKESDA')
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, second.reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.mail(EMAILS.puskesmas, second.reference, 'Tanggapan')
  })

  it('past due the head of Dinsos gets the choice too, and may close the case with a reason: never silently', async () => {
    const { reference } = await assessedCase('KIS_PBI')
    await driver.mail(EMAILS.dinsos, reference, 'Pilih penyedia')
    await driver.advancePastDue('dinsos.bogor', reference, 'PROVIDER_CHOICE')
    const escalation = await driver.mail(EMAILS.head, reference, 'Eskalasi')
    expect(escalation.text).toContain('Pilih penyedia')
    const missingReason = await driver.act(driver.linkIn(escalation), { action: 'CLOSE' })
    expect(missingReason.response.status).toBe(400)
    const closed = await driver.act(driver.linkIn(escalation), {
      action: 'CLOSE',
      reason: 'Tidak ada lembaga KIS PBI yang aktif',
    })
    expect(closed.response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'NOT_FULFILLED')
  })
})
