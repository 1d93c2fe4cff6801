/**
 * The TKSK's field filing page `/staff/kasus-baru` (issue 15 item 1, ADR 0037) over HTTP:
 * the form's post goes through `POST /api/cases/field`, so a form sent twice files one
 * case, a refused field comes back beside itself, a desa of another kecamatan is refused,
 * and the case names the TKSK as its filer. Kinds in the case list (item 6) beside it.
 */
import { describe, expect, it } from 'vitest'
import { csrfTokenFor } from '../../../functions/shared/auth/csrf'
import { createTokenCache, useTestPlatform } from '../../support/platform'
import { createDriver, intakeBody, nikOf } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)
const tokenOf = createTokenCache(platform.url)

const FORM = {
  'applicant.villageCode': '32.01.14.2001',
  'applicant.name': 'Pak Darto Suryana',
  'applicant.nik': '',
  'applicant.nikStatus': 'NONE',
  'applicant.kk': '',
  'applicant.kkStatus': 'NONE',
  'applicant.birthDate': '',
  'applicant.birthDateStatus': 'UNKNOWN',
  'applicant.estimatedAge': '62',
  'applicant.address': 'Kolong jembatan Cibeber',
  'applicant.phone': '',
  'applicant.email': '',
  category: 'GELANDANGAN',
  service: 'REHABILITASI_SOSIAL',
  description: '',
  consent: 'true',
}

const post = async (fields: Record<string, string>, username = 'tksk.leuwiliang') => {
  const token = await tokenOf(username)
  return fetch(driver.url('/staff/kasus-baru'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfTokenFor(token), ...fields }),
  })
}

const api = async (path: string, username = 'dinsos.bogor') =>
  fetch(driver.url(path), { headers: { authorization: `Bearer ${await tokenOf(username)}` } })

describe('the field filing page', () => {
  it('files one case however often the same form is sent, with the TKSK as its filer, and leads to the slip', async () => {
    const key = { _idempotencyKey: 'field:01JFIELDPAGETEST0000000001' }
    const first = await post({ ...FORM, ...key })
    expect(first.status).toBe(303)
    const slip = first.headers.get('location') ?? ''
    expect(slip).toMatch(/^\/staff\/cases\/[0-9A-Z]+\/tanda-terima$/)
    const again = await post({ ...FORM, ...key })
    expect(again.headers.get('location')).toBe(slip)

    const caseId = slip.split('/')[3] ?? ''
    const detail = (await (await api(`/api/cases/${caseId}`)).json()) as {
      filer: { kind: string; staffId?: string }
      identityStatus: string
      timeline: { action: string }[]
    }
    expect(detail.filer).toMatchObject({ kind: 'TKSK', staffId: 'tksk.leuwiliang' })
    expect(detail.identityStatus).toBe('NO_NIK')
    expect(detail.timeline.filter((e) => e.action === 'CASE_CREATED')).toHaveLength(1)
    const slipPage = await fetch(driver.url(slip), {
      headers: { cookie: `session=${await tokenOf('tksk.leuwiliang')}` },
    })
    expect(slipPage.status).toBe(200)
    expect(await slipPage.text()).toMatch(/320114-\d{4}-\d{6}/)
  })

  it('brings a refused field back beside itself with the values kept, filing nothing', async () => {
    const before = ((await (await api('/api/cases?area=32.01.14&limit=100')).json()) as { items: unknown[] })
      .items.length
    const refused = await post({ ...FORM, 'applicant.estimatedAge': '' })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('id="f-applicant-estimatedAge-error"')
    expect(html).toContain('value="Pak Darto Suryana"')
    const after = ((await (await api('/api/cases?area=32.01.14&limit=100')).json()) as { items: unknown[] })
      .items.length
    expect(after).toBe(before)
  })

  it('refuses a desa of another kecamatan, and anyone but a TKSK', async () => {
    expect((await post({ ...FORM, 'applicant.villageCode': '32.01.15.2012' })).status).toBe(403)
    const dinsos = await tokenOf('dinsos.bogor')
    expect(
      (await fetch(driver.url('/staff/kasus-baru'), { headers: { cookie: `session=${dinsos}` } })).status,
    ).toBe(403)
  })
})

describe('the case list by kind', () => {
  it('filters by the kinds of the one core list and names each case’s kind', async () => {
    await driver.submitCase(intakeBody({}, { nik: nikOf(71) }))
    const services = (await (await api('/api/cases?area=32.01&kind=LAYANAN&limit=100')).json()) as {
      items: { kind: string }[]
    }
    expect(services.items.length).toBeGreaterThan(0)
    expect(services.items.every((c) => c.kind === 'LAYANAN')).toBe(true)
    const objections = (await (await api('/api/cases?area=32.01&kind=SANGGAH&limit=100')).json()) as {
      items: unknown[]
    }
    expect(objections.items).toEqual([])

    const bad = await api('/api/cases?area=32.01&kind=ARISAN')
    expect(bad.status).toBe(400)
    const { error } = (await bad.json()) as { error: { details: { path: string }[] } }
    expect(error.details.map((d) => d.path)).toEqual(['kind'])

    const page = await fetch(driver.url('/staff/cases?kind=LAYANAN'), {
      headers: { cookie: `session=${await tokenOf('dinsos.bogor')}` },
    })
    const html = await page.text()
    expect(html).toContain('Permohonan layanan')
    expect(html).toContain('<option value="PENGADUAN"')
  })
})
