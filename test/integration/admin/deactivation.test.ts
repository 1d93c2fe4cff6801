/**
 * Issue 13, "done when": deactivating the TKSK in the middle of a case. Their next API
 * call is 401 and their next page sends them to the login, their task link is gone
 * (410), the task waits in the Dinsos' queue (with a mail), and the case still finishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS } from '../case/case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${platform.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    redirect: 'manual',
  })

describe('deactivating the TKSK while a case waits on them', () => {
  it('locks them out at their next request and hands their task to the Dinsos, and the case still finishes', async () => {
    const { reference } = await driver.submitCase()
    const ask = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const tkskLink = driver.linkIn(ask)
    const tksk = await login(platform.url, 'tksk.leuwiliang')
    const before = (await (await api('/api/tasks', tksk)).json()) as { items: { reference: string }[] }
    expect(before.items.map((t) => t.reference)).toContain(reference)

    const admin = await login(platform.url, 'admin.bogor')
    const patched = await api('/api/admin/staff/tksk.leuwiliang', admin, {
      method: 'PATCH',
      body: JSON.stringify({ active: false }),
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ staffId: 'tksk.leuwiliang', active: false })

    // Their token is still unexpired, but the directory says no.
    expect((await api('/api/tasks', tksk)).status).toBe(401)
    const page = await fetch(`${platform.url}/staff/tasks`, {
      headers: { cookie: `session=${tksk}` },
      redirect: 'manual',
    })
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toMatch(/^\/login/)
    expect((await fetch(tkskLink)).status).toBe(410)
    // Nor can they sign in again.
    await expect(login(platform.url, 'tksk.leuwiliang')).rejects.toThrow(/401/)

    const handover = await driver.mail(EMAILS.dinsos, reference, 'Pengalihan tugas')
    expect(handover.text).toContain(reference)
    const dinsos = await login(platform.url, 'dinsos.bogor')
    const queue = (await (await api('/api/tasks', dinsos)).json()) as {
      items: { reference: string; kind: string }[]
    }
    expect(queue.items).toContainEqual(expect.objectContaining({ reference, kind: 'ASSESSMENT' }))

    expect((await driver.act(driver.linkIn(handover), ASSESSED)).response.status).toBe(200)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approval = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    expect((await driver.act(driver.linkIn(approval), { decision: 'APPROVE' })).response.status).toBe(200)
    const referral = await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')
    expect((await driver.act(driver.linkIn(referral), { response: 'ACCEPT' })).response.status).toBe(200)
    const result = await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil')
    expect((await driver.act(driver.linkIn(result), { result: 'SERVED' })).response.status).toBe(200)
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')

    const audit = (await (
      await api(`/api/audit?entityId=${encodeURIComponent('user:tksk.leuwiliang')}`, admin)
    ).json()) as { items: { action: string; before: { active: boolean }; after: { active: boolean } }[] }
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        action: 'STAFF_DEACTIVATED',
        before: expect.objectContaining({ active: true }),
        after: expect.objectContaining({ active: false }),
      }),
    )
  })
})
