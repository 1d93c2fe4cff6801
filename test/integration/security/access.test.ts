/**
 * Issue 5 acceptance over HTTP: scope (a Leuwiliang case is invisible to Ciampea's TKSK
 * and to Bandar Lampung's Dinsos: 403 on read and on a list of its area, absent from
 * their own lists), the auditor cannot decide tasks, refused tokens are 401, the PII
 * reveal is a POST that needs a purpose and is audited, and the link rules (a wrong secret and a
 * scanner's GET change nothing; `LINK_REQUIRES_LOGIN`; the provider's audited view).
 */
import { SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { ASSESSED, createDriver, EMAILS, intakeBody, nikOf } from '../case/case-driver'
import { createStaff } from './security-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const staff = createStaff(() => platform.url)

/** A case of Leuwiliang waiting for its TKSK, with the task and its mailed link. */
const openCase = async (serial: number) => {
  const created = await driver.submitCase(intakeBody({}, { nik: nikOf(serial) }))
  const mail = await driver.mail(EMAILS.tksk, created.reference, 'Asesmen')
  const tasks = (await (await staff.get('tksk.leuwiliang', '/api/tasks')).json()) as {
    items: { taskId: string; reference: string }[]
  }
  const task = tasks.items.find((t) => t.reference === created.reference)
  if (!task) throw new Error(`no task for ${created.reference}`)
  return { ...created, taskId: task.taskId, link: driver.linkIn(mail) }
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  delete process.env.LINK_REQUIRES_LOGIN
  await platform?.dispose()
})

describe('scope: a Leuwiliang case', () => {
  let caseId: string
  beforeAll(async () => {
    ;({ caseId } = await openCase(101))
  })

  it.each(['tksk.ciampea', 'dinsos.bandarlampung', 'kadinsos.bandarlampung'])(
    'is 403 to %s, on read and on a list of its area, and absent from their own list',
    async (username) => {
      const read = await staff.get(username, `/api/cases/${caseId}`)
      expect(read.status).toBe(403)
      expect((await errorOf(read)).code).toBe('FORBIDDEN')
      expect((await staff.get(username, '/api/cases?area=32.01.14')).status).toBe(403)
      expect((await staff.get(username, '/api/cases?area=32.01')).status).toBe(403)
      const own = await staff.get(username, '/api/cases?limit=100')
      expect(own.status).toBe(200)
      const { items } = (await own.json()) as { items: { caseId: string }[] }
      expect(items.map((c) => c.caseId)).not.toContain(caseId)
    },
  )

  it('is readable and listed for the staff of Leuwiliang and Bogor', async () => {
    for (const username of ['tksk.leuwiliang', 'dinsos.bogor', 'kadinsos.bogor', 'auditor.bogor']) {
      expect((await staff.get(username, `/api/cases/${caseId}`)).status, username).toBe(200)
      const { items } = (await (await staff.get(username, '/api/cases?area=32.01.14&limit=100')).json()) as {
        items: { caseId: string }[]
      }
      expect(
        items.map((c) => c.caseId),
        username,
      ).toContain(caseId)
    }
  })
})

describe('tasks', () => {
  it('an auditor (local or national) or another kecamatan’s TKSK cannot complete a task; nothing changes', async () => {
    const { caseId, taskId } = await openCase(102)
    const before = await staff.snapshot(caseId)
    for (const username of ['auditor.bogor', 'auditor.pusat', 'tksk.ciampea']) {
      const response = await staff.post(username, `/api/tasks/${taskId}/complete`, ASSESSED)
      expect(response.status, username).toBe(403)
      expect((await errorOf(response)).code).toBe('FORBIDDEN')
    }
    expect(await staff.snapshot(caseId)).toEqual(before)
  })
})

describe('tokens over HTTP', () => {
  const forgedClaims = { sub: 'admin', username: 'admin', role: 'admin', area: '*', email: 'a@x' }

  it.each([
    [
      'a session token with one character changed (guessing a neighbour of a real one)',
      async () => {
        const token = await staff.tokenOf('tksk.ciampea')
        return `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
      },
    ],
    [
      'a self-made JWT naming an admin (the old token format, any key)',
      async () =>
        new SignJWT(forgedClaims)
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('a-key-the-attacker-chose-0123456789')),
    ],
    ['an alg:none JWT naming an admin', async () => new UnsecuredJWT(forgedClaims).encode()],
    ['a random string of the right shape', async () => 'A'.repeat(43)],
  ])('%s → 401 UNAUTHENTICATED', async (_name, make) => {
    const token = await make()
    for (const path of ['/api/cases?area=32.01', '/api/tasks', '/api/audit?area=32.01']) {
      const response = await fetch(`${platform.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(response.status, path).toBe(401)
      expect((await errorOf(response)).code).toBe('UNAUTHENTICATED')
    }
    const cookie = await fetch(`${platform.url}/api/tasks`, { headers: { cookie: `session=${token}` } })
    expect(cookie.status).toBe(401)
  })
})

describe('PII reveal', () => {
  let caseId: string
  beforeAll(async () => {
    ;({ caseId } = await openCase(103))
  })
  const reveal = (username: string, body: unknown) =>
    staff.post(username, `/api/cases/${caseId}/reveal`, body)

  it.each([
    ['no purpose', {}],
    ['an empty purpose', { purpose: '' }],
    ['a purpose under 5 characters', { purpose: ' abc ' }],
  ])('with %s is 400 on path `purpose`', async (_name, payload) => {
    const response = await reveal('dinsos.bogor', payload)
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { code: string; details: { path: string }[] } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details.map((d) => d.path)).toContain('purpose')
  })

  it.each(['auditor.bogor', 'auditor.pusat', 'admin', 'tksk.ciampea'])('is 403 to %s', async (username) => {
    expect((await reveal(username, { purpose: 'pemeriksaan berkas' })).status).toBe(403)
  })

  it('shows NIK/KK unmasked to the TKSK and Dinsos in scope, each read written as PII_READ with actor and purpose', async () => {
    const refused = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
    expect(refused).toEqual([])
    for (const username of ['tksk.leuwiliang', 'dinsos.bogor', 'kadinsos.bogor']) {
      const response = await reveal(username, { purpose: 'verifikasi data BPJS' })
      expect(response.status, username).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const body = (await response.json()) as { applicant: { nik: string; kk: string } }
      expect(body.applicant).toMatchObject({ nik: nikOf(103), kk: '3201140101100001' })
    }
    const reads = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
    expect(reads.map((e) => e.actor.id)).toEqual(['tksk.leuwiliang', 'dinsos.bogor', 'kadinsos.bogor'])
    for (const entry of reads) expect(entry.after).toMatchObject({ purpose: 'verifikasi data BPJS' })
    const verify = await staff.get('auditor.bogor', `/api/audit/verify?entityId=case:${caseId}`)
    expect(((await verify.json()) as { valid: boolean }).valid).toBe(true)
  })

  it('a purpose quoting the birth date is recorded with the date as its year: the auditor never reads it beside the masked NIK', async () => {
    // The date alone: the auditor has the masked NIK from the case itself, and date + mask = NIK.
    const purpose = 'cocokkan tanggal lahir 05-07-1980 (5 Juli 1980) dengan KTP'
    expect((await reveal('dinsos.bogor', { purpose })).status).toBe(200)
    const recorded = 'cocokkan tanggal lahir **-**-1980 (** ** 1980) dengan KTP'
    const reads = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
    expect(reads.at(-1)?.after).toMatchObject({ purpose: recorded })
    const detail = (await (await staff.get('auditor.bogor', `/api/cases/${caseId}`)).json()) as {
      applicant: { nik: string }
    }
    expect(detail.applicant.nik).toBe('320114******0103')
    // The auditor's export and entity page: the recorded text, the day and month nowhere.
    const exported = await (
      await staff.post('auditor.bogor', '/api/audit/export', { entityId: `case:${caseId}` })
    ).text()
    const page = await (
      await fetch(`${platform.url}/staff/audit/entitas?entityId=${encodeURIComponent(`case:${caseId}`)}`, {
        headers: { cookie: `session=${await staff.tokenOf('auditor.bogor')}` },
      })
    ).text()
    for (const [source, text] of [
      ['export', exported],
      ['page', page],
    ] as const) {
      expect(text, source).toContain('cocokkan tanggal lahir **-**-1980')
      expect(text, source).not.toMatch(/05-07-1980|5 Juli/)
    }
  })

  it('a link in a chat (the old GET with reveal=pii) unmasks nothing and writes no PII_READ in the clicker’s name', async () => {
    const before = (await staff.auditOf(caseId)).length
    const clicked = await staff.get(
      'dinsos.bogor',
      `/api/cases/${caseId}?reveal=pii&purpose=${encodeURIComponent('verifikasi data')}`,
    )
    expect(clicked.status).toBe(400)
    expect(JSON.stringify(await clicked.json())).not.toContain(nikOf(103))
    expect((await staff.auditOf(caseId)).length).toBe(before)
  })

  it('a reveal with the session cookie but without the CSRF header is 403: another site cannot make the browser reveal', async () => {
    const before = (await staff.auditOf(caseId)).length
    const forged = await fetch(`${platform.url}/api/cases/${caseId}/reveal`, {
      method: 'POST',
      headers: {
        cookie: `session=${await staff.tokenOf('dinsos.bogor')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ purpose: 'verifikasi data BPJS' }),
    })
    expect(forged.status).toBe(403)
    expect((await staff.auditOf(caseId)).length).toBe(before)
  })

  it('without reveal stays masked and writes no PII_READ', async () => {
    const before = (await staff.auditOf(caseId)).length
    const body = (await (await staff.get('dinsos.bogor', `/api/cases/${caseId}`)).json()) as {
      applicant: { nik: string; kk: string }
    }
    expect(body.applicant).toMatchObject({ nik: '320114******0103', kk: '320114******0001' })
    expect((await staff.auditOf(caseId)).length).toBe(before)
  })
})

describe('links', () => {
  it('a wrong secret is the unknown-link page on GET and POST, and changes nothing', async () => {
    const { caseId, link } = await openCase(104)
    const before = await staff.snapshot(caseId)
    const target = new URL(link)
    const wrong = `${target.origin}${target.pathname}?k=${'A'.repeat(43)}`
    const unknown = `${target.origin}/t/${'0'.repeat(26)}?k=${target.searchParams.get('k')}`
    for (const url of [wrong, unknown]) expect((await fetch(url)).status).toBe(404)
    const post = await fetch(`${platform.url}${target.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ k: 'A'.repeat(43), ...ASSESSED }),
    })
    expect(post.status).toBe(404)
    expect(await staff.snapshot(caseId)).toEqual(before)
  })

  it('a mail scanner’s GETs (and HEAD) show the page and change nothing', async () => {
    const { caseId, link } = await openCase(105)
    const before = await staff.snapshot(caseId)
    const scanner = { 'user-agent': 'Mozilla/5.0 (compatible; SafeLinks-Scanner/1.0)' }
    for (let i = 0; i < 3; i += 1) {
      const page = await fetch(link, { headers: scanner })
      expect(page.status).toBe(200)
      expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    }
    expect((await fetch(link, { method: 'HEAD', headers: scanner })).status).toBeLessThan(500)
    expect(await staff.snapshot(caseId)).toEqual(before)
    // The link still acts afterwards: the scanner consumed nothing.
    expect((await driver.act(link, ASSESSED)).response.status).toBe(200)
  })

  it('with LINK_REQUIRES_LOGIN a staff link also needs its recipient’s session; the provider’s does not', async () => {
    const { caseId, reference, link } = await openCase(106)
    process.env.LINK_REQUIRES_LOGIN = 'true'
    try {
      const before = await staff.snapshot(caseId)
      const asked = await fetch(link)
      expect(asked.status).toBe(401)
      expect(asked.headers.get('content-type')).toMatch(/text\/html/)
      expect(await asked.text()).toMatch(/href="\/login"/)
      const other = await fetch(link, {
        headers: { cookie: `session=${await staff.tokenOf('tksk.ciampea')}` },
      })
      expect(other.status).toBe(401)
      const target = new URL(link)
      const form = new URLSearchParams({ k: target.searchParams.get('k') ?? '', ...ASSESSED })
      const post = await fetch(`${platform.url}${target.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      })
      expect(post.status).toBe(401)
      expect(await staff.snapshot(caseId)).toEqual(before)

      const session = { cookie: `session=${await staff.tokenOf('tksk.leuwiliang')}` }
      const signedIn = await fetch(link, { headers: session })
      expect(signedIn.status).toBe(200)
      // After sign-in the same visit page (issue 19): whom to visit, audited once as asesmen.
      const visitPage = await signedIn.text()
      for (const shown of ['Siti Aminah', 'Kp. Cibeber RT 02/03', 'href="tel:+6281234567890"'])
        expect(visitPage).toContain(shown)
      const reads = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
      expect(reads.map((e) => [e.actor.id, e.after?.purpose])).toEqual([['tksk.leuwiliang', 'asesmen']])
      const decided = await fetch(`${platform.url}${target.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...session },
        body: form,
      })
      expect(decided.status).toBe(200)

      const approval = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
      const dinsos = { cookie: `session=${await staff.tokenOf('dinsos.bogor')}` }
      const approvalUrl = new URL(driver.linkIn(approval))
      expect((await fetch(approvalUrl, { headers: dinsos })).status).toBe(200)
      const approved = await fetch(`${platform.url}${approvalUrl.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...dinsos },
        body: new URLSearchParams({ k: approvalUrl.searchParams.get('k') ?? '', decision: 'APPROVE' }),
      })
      expect(approved.status).toBe(200)

      const referral = await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan')
      expect((await fetch(driver.linkIn(referral))).status).toBe(200)
    } finally {
      delete process.env.LINK_REQUIRES_LOGIN
    }
  })

  it('the provider’s referral page shows whom to serve and audits each view as PII_READ (purpose referral)', async () => {
    const { caseId, reference, link } = await openCase(107)
    await driver.act(link, ASSESSED)
    await driver.act(driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    const referral = driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan'))
    const before = await staff.snapshot(caseId)
    for (let i = 0; i < 2; i += 1) {
      const page = await fetch(referral, { headers: { 'user-agent': 'provider-browser' } })
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('no-store')
      const text = await page.text()
      for (const shown of [
        'Siti Aminah',
        'Kp. Cibeber RT 02/03',
        '081234567890',
        nikOf(107),
        '3201140101100001',
      ])
        expect(text).toContain(shown)
    }
    // The TKSK's assessment view came first (purpose asesmen); the provider's two views follow.
    const reads = (await staff.auditOf(caseId)).filter(
      (e) => e.action === 'PII_READ' && e.actor.role === 'provider',
    )
    expect(reads).toHaveLength(2)
    for (const entry of reads) {
      expect(entry.actor).toMatchObject({ role: 'provider' })
      expect(entry.actor.id).toMatch(/puskesmas/i)
      expect(entry.after).toMatchObject({
        purpose: 'referral',
        fields: expect.arrayContaining(['applicant.nik', 'applicant.phone']),
      })
    }
    expect(await staff.snapshot(caseId)).toEqual(before)
  })
})
