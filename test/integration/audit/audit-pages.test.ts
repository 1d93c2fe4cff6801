/**
 * The auditor's review pages over the real local platform: a case's timeline with its
 * changes field by field, the verify button's green and red verdicts, the export link
 * with the same filter, and the pages closed to other roles. NIK/KK appear masked only.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, readChain } from '../../../functions/data/audit-repository'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { createDriver, intakeBody } from '../case/case-driver'
import { auditChange } from '../../support/audit-change'
import { createTokenCache, login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const tokenOf = createTokenCache(() => platform.url)

const page = async (path: string, username: string) => {
  const response = await fetch(`${platform.url}${path}`, {
    headers: { cookie: `session=${await tokenOf(username)}` },
    redirect: 'manual',
  })
  return { status: response.status, html: await response.text() }
}

const NIK = '3201144507800001'
const KK = '3201140101100001'
const entity = (label: string) => `case:PG${label}${Date.now().toString(36)}`
const timeline = (entityId: string, extra = '') =>
  `/staff/audit/entitas?entityId=${encodeURIComponent(entityId)}${extra}`

/**
 * The text of the page without tags and runs of white space, as a person reads it: a
 * `<wbr>` (a line may break there) joins the text around it, like `assessment.<wbr />eligible`.
 */
const text = (html: string) =>
  html
    .replaceAll(/<wbr\s*\/?>/g, '')
    .replaceAll(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll(/\s+/g, ' ')

let realCaseId = ''

beforeAll(async () => {
  platform = await startTestPlatform()
  realCaseId = (await driver.submitCase(intakeBody({}, { nik: NIK, kk: KK }))).caseId
})
afterAll(async () => {
  await platform?.dispose()
})

describe('the audit review pages', () => {
  it('show an auditor a case’s timeline in order with actor, WIB time and each changed field', async () => {
    const entityId = entity('T')
    await appendAudit(auditChange(entityId, 'CASE_CREATED', null, { status: 'IDENTIFICATION' }))
    await appendAudit(
      auditChange(
        entityId,
        'CASE_ASSESSED',
        { status: 'IDENTIFICATION', assessment: { eligible: false } },
        { status: 'ASSESSMENT', assessment: { eligible: true, findings: 'Keluarga prasejahtera' } },
      ),
    )
    const { status, html } = await page(timeline(entityId), 'auditor.bogor')
    expect(status).toBe(200)
    const body = text(html)
    expect(body.indexOf('0000000001')).toBeLessThan(body.indexOf('0000000002'))
    expect(body).toContain('Asesmen dicatat (CASE_ASSESSED)')
    // The actor by name and office, with the id auditors filter by (issue 19).
    expect(body).toContain('TKSK Leuwiliang (TKSK Kec. Leuwiliang) tksk.leuwiliang')
    // Local time for people, the sealed ISO instant beside it for auditors.
    expect(body).toMatch(/\d{1,2} \w{3} 20\d\d,? \d\d\.\d\d WIB 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/)
    expect(body).toContain('status diubah IDENTIFICATION ASSESSMENT')
    expect(body).toContain('assessment.eligible diubah false true')
    expect(body).toContain('assessment.findings ditambah — Keluarga prasejahtera')
  })

  it('show a filed request’s entry, and a NIK or KK in a change only masked', async () => {
    const intake = await page(timeline(`case:${realCaseId}`), 'auditor.bogor')
    expect(intake.status).toBe(200)
    expect(text(intake.html)).toContain('Permohonan diterima (CASE_CREATED)')

    const entityId = entity('N')
    await appendAudit(auditChange(entityId, 'PII_READ', null, { applicant: { nik: NIK, kk: KK } }))
    const { html } = await page(timeline(entityId), 'auditor.bogor')
    expect(text(html)).toContain('applicant.nik ditambah — 320114******0001')
    expect(html).not.toContain(NIK)
    expect(html).not.toContain(KK)
  })

  it('say the chain is valid in green, and after tampering name the broken seq in red', async () => {
    const entityId = entity('V')
    for (const action of ['CASE_CREATED', 'TASK_CREATED', 'CASE_CLOSED'])
      await appendAudit(auditChange(entityId, action, null, { step: action }))
    const valid = await page(timeline(entityId, '&periksa=1'), 'auditor.bogor')
    expect(valid.html).toMatch(
      /<div class="ok" role="status">\s*<p><strong>Rantai valid \(3 entri diperiksa\)/,
    )

    await dynamo().send(
      new UpdateCommand({
        TableName: env.auditTableName(),
        Key: { entityId, seq: '0000000002' },
        UpdateExpression: 'SET #after = :after',
        ExpressionAttributeNames: { '#after': 'after' },
        ExpressionAttributeValues: { ':after': { step: 'TASK_CANCELLED' } },
      }),
    )
    const broken = await page(timeline(entityId, '&periksa=1'), 'auditor.bogor')
    expect(broken.html).toMatch(
      /<div class="alert" role="alert">\s*<p>\s*<strong\s*>Rantai rusak pada seq 0000000002/,
    )
    expect(broken.html).not.toContain('Rantai valid')
  })

  it('list entries by the API’s filters with pages and an export form (POST + CSRF) of the same filter', async () => {
    const entityId = entity('L')
    for (const action of ['CASE_CREATED', 'TASK_CREATED', 'TASK_DECIDED'])
      await appendAudit(auditChange(entityId, action, null, {}))
    const first = await page(`/staff/audit?entityId=${entityId}&action=TASK_CREATED`, 'auditor.bogor')
    expect(first.status).toBe(200)
    expect(first.html).not.toContain('href="/api/audit/export')
    const form =
      /<form method="post" action="\/staff\/audit\/export"[^>]*>([\s\S]*?)<\/form>/.exec(first.html)?.[1] ??
      ''
    const fields = Object.fromEntries(
      [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    )
    expect(fields).toMatchObject({ entityId, action: 'TASK_CREATED' })
    expect(fields._csrf).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(text(first.html)).toContain('Tugas dibuat (TASK_CREATED)')
    expect(text(first.html)).not.toContain('Permohonan diterima (CASE_CREATED)')

    const cookie = `session=${await tokenOf('auditor.bogor')}`
    const post = (body: Record<string, string>) =>
      fetch(`${platform.url}/staff/audit/export`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body),
      })
    const exported = await post({ entityId, _csrf: fields._csrf ?? '' })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect((await exported.text()).trim().split('\n')).toHaveLength(1 + 3)
    // Another site's form, posting through the browser's cookie, has no token: nothing is exported.
    expect((await post({ entityId })).status).toBe(403)
  })

  it('turn an invalid filter into an error next to its field', async () => {
    const { status, html } = await page('/staff/audit?area=Bogor', 'auditor.bogor')
    expect(status).toBe(400)
    expect(html).toContain('Kode wilayah harus seperti 32.01 atau 32.01.14.')
    expect(html).toMatch(/id="f-area"[^>]*aria-invalid="true"/)
  })

  it('invite a national auditor to filter instead of showing an error', async () => {
    const { status, html } = await page('/staff/audit', 'auditor.pusat')
    expect(status).toBe(200)
    expect(html).not.toContain('aria-invalid')
    expect(html).toContain('minimal kabupaten/kota')
  })

  it('are in the menu of auditors and admins only, and refuse a TKSK with 403', async () => {
    expect((await page('/staff/cases', 'auditor.bogor')).html).toContain('href="/staff/audit"')
    expect((await page('/staff/cases', 'admin')).html).toContain('href="/staff/audit"')
    expect((await page('/staff/tasks', 'tksk.leuwiliang')).html).not.toContain('href="/staff/audit"')
    expect((await page('/staff/audit?area=32.01.14', 'tksk.leuwiliang')).status).toBe(403)
    expect((await page(timeline(`case:${realCaseId}`), 'tksk.leuwiliang')).status).toBe(403)
  })
})

describe('signing in locally', () => {
  const lastLogin = async (userId: string) => {
    const chain = await readChain(`user:${userId}`)
    return { count: chain.length, last: chain.at(-1) }
  }

  it('writes a LOGIN entry on the user’s chain for each sign-in through the dev API', async () => {
    const before = await lastLogin('dinsos.bogor')
    await login(platform.url, 'dinsos.bogor')
    const after = await lastLogin('dinsos.bogor')
    expect(after.count).toBe(before.count + 1)
    expect(after.last).toMatchObject({
      action: 'LOGIN',
      actor: { id: 'dinsos.bogor', role: 'dinsos' },
      area: '32.01',
      after: { method: 'dev-api' },
    })
  })

  it('writes a LOGIN entry for the sign-in form, and none for an unknown user', async () => {
    const form = await fetch(`${platform.url}/login`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
    const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const post = (username: string) =>
      fetch(`${platform.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ _csrf: csrf, username, next: '/staff/audit' }),
      })
    const before = await lastLogin('auditor.pusat')
    expect((await post('auditor.pusat')).status).toBe(303)
    const after = await lastLogin('auditor.pusat')
    expect(after.count).toBe(before.count + 1)
    expect(after.last).toMatchObject({
      action: 'LOGIN',
      actor: { id: 'auditor.pusat', role: 'auditor' },
      after: { method: 'local-form' },
    })
    expect((await post('nobody.here')).status).toBe(400)
    expect(await readChain('user:nobody.here')).toEqual([])
  })
})
