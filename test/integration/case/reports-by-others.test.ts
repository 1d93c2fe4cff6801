import { describe, expect, it } from 'vitest'
import { createTokenCache, useTestPlatform } from '../../support/platform'
import { auditOfCase } from '../audit/case-audit'
import { createDriver, EMAILS, REPORTED } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)
/** The file never moves the clock: one sign-in per user serves all its tests. */
const tokenOf = createTokenCache(platform.url)

const DESA_CIBEBER = 'desa.3201142001@desa.bogorkab.local'

const withApplicant = (changes: Record<string, unknown>, body: Record<string, unknown> = REPORTED) => ({
  ...body,
  applicant: { ...(body.applicant as object), ...changes },
})

const detailOf = async (caseId: string, username = 'tksk.leuwiliang') => {
  const token = await tokenOf(username)
  const response = await fetch(`${platform.url()}/api/cases/${caseId}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

describe('a person reported by others, without documents', () => {
  it('is filed by the RT, followed by reference and access code without any of the person’s data', async () => {
    const receipt = await driver.submitCase(REPORTED)
    const { body } = await driver.status(receipt.reference, receipt.accessCode)
    const text = JSON.stringify(body)
    for (const secret of ['Darto', 'Kolong', 'GELANDANGAN', 'REHABILITASI', '32.01.14.2001', 'Ujang'])
      expect(text).not.toContain(secret)
    expect(Object.keys(body as object).sort()).toEqual(['history', 'reference', 'status', 'updatedAt'])

    const page = await fetch(`${platform.url()}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reference: receipt.reference, accessCode: receipt.accessCode }),
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(receipt.reference)
    for (const secret of ['Darto', 'Kolong', 'Gelandangan', 'Ujang']) expect(html).not.toContain(secret)
  })

  it('gets a "Rujukan adminduk" task for the desa beside the assessment, each with its own due date', async () => {
    const { caseId, reference } = await driver.submitCase(REPORTED)
    const adminduk = await driver.mail(DESA_CIBEBER, reference, 'Rujukan adminduk')
    const assessment = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    expect(adminduk.text).not.toContain('Darto')
    await driver.waitForStatus(reference, 'ASSESSMENT')

    const detail = await detailOf(caseId)
    expect(detail.identityStatus).toBe('NO_NIK')
    expect(detail.filer).toEqual({
      kind: 'REPORTER',
      reporter: { name: 'Ujang Ketua RT', relation: 'RT_RW', phone: '081298765432' },
    })
    expect((detail.applicant as Record<string, unknown>).nik).toBeNull()

    const token = await tokenOf('tksk.leuwiliang')
    const tasks = (await (
      await fetch(`${platform.url()}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { caseId: string; kind: string; dueAt: string }[] }
    const own = tasks.items.filter((t) => t.caseId === caseId)
    expect(own.map((t) => t.kind)).toEqual(['ASSESSMENT'])

    // The desa answers; the case goes on waiting for the assessment, not for the NIK.
    const answered = await driver.act(driver.linkIn(adminduk), {
      result: 'NOT_ISSUED',
      reason: 'Belum ada saksi',
    })
    expect(answered.response.status).toBe(200)
    const assessed = await driver.act(driver.linkIn(assessment), {
      visitDate: '2026-01-10',
      findings: 'Lansia tanpa tempat tinggal',
      eligible: 'true',
      service: 'REHABILITASI_SOSIAL',
    })
    expect(assessed.response.status).toBe(200)
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const { entries: audit } = await auditOfCase(platform.url(), caseId)
    const created = audit.find(
      (e) => e.action === 'TASK_CREATED' && (e.after as { kind?: string }).kind === 'ADMINDUK_REFERRAL',
    )
    expect((created?.after as { assignees: string[] }).assignees).toEqual(['provider:desa-3201142001'])
    // Its own due date: 10 hari kerja, against the assessment's 5.
    const dueOf = (kind: string) =>
      (
        audit.find((e) => e.action === 'TASK_CREATED' && (e.after as { kind?: string }).kind === kind)
          ?.after as {
          dueAt: string
        }
      ).dueAt
    expect(Date.parse(dueOf('ADMINDUK_REFERRAL'))).toBeGreaterThan(Date.parse(dueOf('ASSESSMENT')))
  })

  it('warns the TKSK of a possible duplicate: same name, birth year and desa', async () => {
    const first = await driver.submitCase(withApplicant({ name: 'Ibu Warsih', estimatedAge: 70 }))
    const second = await driver.submitCase(
      withApplicant({ name: 'ibu  WARSIH', estimatedAge: 70 }, { ...REPORTED, reporter: undefined }),
    )
    const other = await driver.submitCase(withApplicant({ name: 'Ibu Warsih', estimatedAge: 40 }))
    const detail = await detailOf(second.caseId)
    expect(detail.possibleDuplicates).toEqual([
      expect.objectContaining({ caseId: first.caseId, reference: first.reference }),
    ])
    expect(JSON.stringify(detail.possibleDuplicates)).not.toContain(other.caseId)

    const session = await tokenOf('tksk.leuwiliang')
    const page = await (
      await fetch(`${platform.url()}/staff/cases/${second.caseId}`, {
        headers: { cookie: `session=${session}` },
      })
    ).text()
    expect(page).toContain('Mungkin duplikat')
    expect(page).toContain(first.reference)
    expect(page).toContain('Tanpa NIK (rujukan adminduk)')
  })

  const BAD: [string, unknown, string][] = [
    [
      'a relation it does not know',
      { ...REPORTED, reporter: { ...REPORTED.reporter, relation: 'TEMAN' } },
      'reporter.relation',
    ],
    [
      'a reporter without phone',
      { ...REPORTED, reporter: { name: 'Ujang', relation: 'RT_RW' } },
      'reporter.phone',
    ],
    ['a person without desa', withApplicant({ villageCode: undefined }), 'applicant.villageCode'],
    ['a NIK marked absent but given', withApplicant({ nik: '3201144507800001' }), 'applicant.nik'],
    ['a KK neither given nor marked', withApplicant({ kkStatus: undefined }), 'applicant.kk'],
    [
      'an unknown birth date without estimated age',
      withApplicant({ estimatedAge: undefined }),
      'applicant.estimatedAge',
    ],
    ['a mark it does not know', withApplicant({ nikStatus: 'HILANG' }), 'applicant.nikStatus'],
  ]
  it.each(BAD)('refuses %s with 400 naming the field, writing nothing', async (_name, body, path) => {
    const response = await driver.postJson('/api/cases', body)
    expect(response.status).toBe(400)
    const error = (await response.json()) as { error: { code: string; details: { path: string }[] } }
    expect(error.error.code).toBe('VALIDATION_FAILED')
    expect(error.error.details.map((d) => d.path)).toContain(path)
  })
})

describe('a TKSK files a case from the field', () => {
  const fieldPost = async (username: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.url()}/api/cases/field`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await tokenOf(username)}`,
        ...headers,
      },
      body: JSON.stringify(body),
    })
  const FOUND = { ...REPORTED, reporter: undefined }

  it('in their own kecamatan: the case and its audit entry name the TKSK as filer, by the name staff know them by; a resend files one case', async () => {
    const first = await fieldPost('tksk.leuwiliang', FOUND, { 'idempotency-key': 'field-visit-0001' })
    expect(first.status).toBe(201)
    const receipt = (await first.json()) as { caseId: string; reference: string }
    const again = await fieldPost('tksk.leuwiliang', FOUND, { 'idempotency-key': 'field-visit-0001' })
    expect(((await again.json()) as { caseId: string }).caseId).toBe(receipt.caseId)

    const detail = await detailOf(receipt.caseId)
    // The directory's display name, not the login name the token carries.
    expect(detail.filer).toEqual(expect.objectContaining({ kind: 'TKSK', name: 'TKSK Leuwiliang' }))
    const { entries: audit } = await auditOfCase(platform.url(), receipt.caseId)
    const created = audit.find((e) => e.action === 'CASE_CREATED')
    expect(created?.actor).toEqual(expect.objectContaining({ role: 'tksk' }))
    expect(created?.after).toEqual(expect.objectContaining({ filer: 'TKSK', identityStatus: 'NO_NIK' }))
  })

  it('is refused outside their kecamatan (403) and to other roles (403), writing nothing', async () => {
    const ciampea = withApplicant({ villageCode: '32.01.15.2001' }, FOUND)
    expect((await fieldPost('tksk.leuwiliang', ciampea)).status).toBe(403)
    expect((await fieldPost('dinsos.bogor', FOUND)).status).toBe(403)
  })

  it('answers 401 without a login', async () => {
    const response = await driver.postJson('/api/cases/field', FOUND)
    expect(response.status).toBe(401)
  })
})
