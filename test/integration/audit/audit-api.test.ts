import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditInput } from '../../../functions/core/audit/audit-entry'
import { appendAudit, readChain } from '../../../functions/data/audit-repository'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
const tokens: Record<string, string> = {}

const get = (path: string, username?: string) =>
  fetch(
    `${platform.url}${path}`,
    username ? { headers: { authorization: `Bearer ${tokens[username]}` } } : {},
  )
/** The export is a POST of the filter as JSON (DESIGN v3 §4): a link cannot export in someone's name. */
const exportAudit = (filter: Record<string, string>, username: string) =>
  fetch(`${platform.url}/api/audit/export`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[username]}`, 'content-type': 'application/json' },
    body: JSON.stringify(filter),
  })
const getJson = async <T = Record<string, unknown>>(path: string, username: string) => {
  const response = await get(path, username)
  return { status: response.status, body: (await response.json()) as T }
}

const bogorCase = `case:API${Date.now().toString(36)}B`
const lampungCase = `case:API${Date.now().toString(36)}L`
// Today as Bogor and Lampung read it (WIB): bare dates in filters are the area's calendar days.
const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())

const change = (entityId: string, area: string, action: string, after: unknown = {}): AuditInput => ({
  entityId,
  area,
  actor: { id: 'tksk.leuwiliang', role: 'tksk' },
  action,
  before: null,
  after,
  correlationId: 'corr-api-test',
})

beforeAll(async () => {
  platform = await startTestPlatform()
  for (const username of ['auditor.bogor', 'auditor.pusat', 'admin', 'tksk.leuwiliang'])
    tokens[username] = await login(platform.url, username)
  await appendAudit(
    change(bogorCase, '32.01.14.2001', 'CASE_CREATED', { applicant: { nik: '3201144507800001' } }),
  )
  await appendAudit(change(bogorCase, '32.01.14.2001', 'TASK_CREATED'))
  await appendAudit(change(bogorCase, '32.01.14.2001', 'ASSESSMENT_SUBMITTED'))
  await appendAudit(change(lampungCase, '18.71.04', 'CASE_CREATED'))
})
afterAll(async () => {
  await platform?.dispose()
})

interface Page {
  items: { entityId: string; seq: string; action: string; after: unknown }[]
  nextCursor: string | null
}

describe('reviewing the audit trail', () => {
  it('shows an auditor the timeline of a case in their kabupaten, in chain order', async () => {
    const { status, body } = await getJson<Page>(`/api/audit?entityId=${bogorCase}`, 'auditor.bogor')
    expect(status).toBe(200)
    expect(body.items.map((i) => i.action)).toEqual(['CASE_CREATED', 'TASK_CREATED', 'ASSESSMENT_SUBMITTED'])
    expect(JSON.stringify(body)).not.toContain('3201144507800001')
  })

  it('shows an auditor nothing of a case outside their kabupaten', async () => {
    const { status, body } = await getJson<Page>(`/api/audit?entityId=${lampungCase}`, 'auditor.bogor')
    expect(status).toBe(200)
    expect(body.items).toEqual([])
  })

  it('lists a regional auditor’s own kabupaten by default, page by page', async () => {
    const seen: string[] = []
    let path = `/api/audit?action=TASK_CREATED&limit=1&from=${day}&to=${day}`
    for (;;) {
      const { status, body } = await getJson<Page>(path, 'auditor.bogor')
      expect(status).toBe(200)
      seen.push(...body.items.map((i) => i.entityId))
      if (!body.nextCursor) break
      path = `/api/audit?action=TASK_CREATED&limit=1&from=${day}&to=${day}&cursor=${body.nextCursor}`
    }
    expect(seen).toContain(bogorCase)
    expect(seen).not.toContain(lampungCase)
  })

  it('refuses a regional auditor an area outside their scope', async () => {
    const { status, body } = await getJson('/api/audit?area=18.71', 'auditor.bogor')
    expect(status).toBe(403)
    expect(body).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('asks a national auditor to name a kabupaten to list by area', async () => {
    for (const query of ['', '?area=32']) {
      const { status, body } = await getJson(`/api/audit${query}`, 'auditor.pusat')
      expect(status).toBe(400)
      expect(body).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'area' }] } })
    }
    const { status, body } = await getJson<Page>('/api/audit?area=18.71', 'auditor.pusat')
    expect(status).toBe(200)
    expect(body.items.map((i) => i.entityId)).toContain(lampungCase)
  })

  it('is closed to a TKSK and to anyone without a token', async () => {
    expect((await get('/api/audit?area=32.01.14', 'tksk.leuwiliang')).status).toBe(403)
    expect((await get('/api/audit/verify?entityId=x', 'tksk.leuwiliang')).status).toBe(403)
    expect((await get('/api/audit?area=32.01')).status).toBe(401)
  })

  it('answers an invalid cursor and unknown parameters with 400', async () => {
    expect((await get(`/api/audit?entityId=${bogorCase}&cursor=bm9wZQ`, 'auditor.bogor')).status).toBe(400)
    expect((await get(`/api/audit?entityId=${bogorCase}&limit=101`, 'auditor.bogor')).status).toBe(400)
    const unknown = await getJson(`/api/audit?entityId=${bogorCase}&foo=1`, 'auditor.bogor')
    expect(unknown.body).toMatchObject({ error: { details: [{ path: 'foo' }] } })
  })
})

describe('verifying a chain over HTTP', () => {
  it('says valid for an untouched chain, and names the edited seq after tampering', async () => {
    const entityId = `case:VER${Date.now().toString(36)}`
    for (const action of ['CASE_CREATED', 'TASK_CREATED', 'CASE_CLOSED'])
      await appendAudit(change(entityId, '32.01.14', action))
    const valid = await getJson(`/api/audit/verify?entityId=${entityId}`, 'auditor.bogor')
    expect(valid).toEqual({
      status: 200,
      body: expect.objectContaining({ entityId, valid: true, checked: 3 }),
    })
    await dynamo().send(
      new UpdateCommand({
        TableName: env.auditTableName(),
        Key: { entityId, seq: '0000000002' },
        UpdateExpression: 'SET #action = :action',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: { ':action': 'TASK_CANCELLED' },
      }),
    )
    const broken = await getJson(`/api/audit/verify?entityId=${entityId}`, 'auditor.bogor')
    expect(broken.body).toMatchObject({
      valid: false,
      checked: 2,
      firstBrokenSeq: '0000000002',
      reason: 'HASH_MISMATCH',
    })
  })

  it('does not confirm an entity outside the caller’s scope, nor an unknown one', async () => {
    expect((await get(`/api/audit/verify?entityId=${lampungCase}`, 'auditor.bogor')).status).toBe(404)
    expect((await get('/api/audit/verify?entityId=case:none', 'admin')).status).toBe(404)
    expect((await get(`/api/audit/verify?entityId=${lampungCase}`, 'auditor.pusat')).status).toBe(200)
  })
})

describe('exporting the audit trail', () => {
  it('hands out a CSV for Excel with one row per entry and records the export', async () => {
    const response = await exportAudit({ entityId: bogorCase }, 'auditor.bogor')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      // auditor.bogor's wall clock (WIB), not UTC: an export after midnight WIB is named for that day.
      /^attachment; filename="audit-\d{8}-\d{6}-WIB\.csv"$/,
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => r.seq)).toEqual(['0000000001', '0000000002', '0000000003'])
    expect(text).not.toContain('3201144507800001')
    expect(text).toContain('320114******0001')

    const [exportEntry] = (await readChain('user:auditor.bogor')).slice(-1)
    expect(exportEntry).toMatchObject({
      action: 'AUDIT_EXPORT',
      area: '32.01',
      actor: { id: 'auditor.bogor', role: 'auditor' },
      after: { filter: { entityId: bogorCase }, rows: 3 },
    })
  })

  it('names each entry’s desa and actor and tells its local time, after the sealed code, id and UTC instant', async () => {
    const response = await exportAudit({ entityId: bogorCase }, 'auditor.bogor')
    const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3))
    const rows = parse(text, { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0] ?? {}).slice(-3)).toEqual(['areaName', 'actorName', 'atLocal'])
    for (const row of rows) {
      expect(row).toMatchObject({ area: '32.01.14.2001', actorId: 'tksk.leuwiliang' })
      expect(row.areaName).toMatch(/^[A-Z][a-z].*, Kec\. Leuwiliang$/)
      expect(row.actorName).toMatch(/\(TKSK Kec\. Leuwiliang\)$/)
      expect(row.atLocal).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}\.\d{2} WIB$/)
      expect(row.at).toMatch(/Z$/)
    }
  })

  it('lets the exporter’s own audit chain be reviewed and verified', async () => {
    await exportAudit({ area: '18.71', from: day }, 'auditor.pusat')
    const { body } = await getJson<Page>('/api/audit?entityId=user:auditor.pusat', 'auditor.pusat')
    expect(body.items.at(-1)).toMatchObject({
      action: 'AUDIT_EXPORT',
      after: { filter: { area: '18.71', from: day } },
    })
    const verified = await getJson('/api/audit/verify?entityId=user:auditor.pusat', 'auditor.pusat')
    expect(verified.body).toMatchObject({ valid: true })
    expect((await get('/api/audit/verify?entityId=user:auditor.pusat', 'auditor.bogor')).status).toBe(404)
  })

  it('is refused, and not recorded, out of scope', async () => {
    const before = (await readChain('user:auditor.bogor')).length
    expect((await exportAudit({ area: '18.71' }, 'auditor.bogor')).status).toBe(403)
    expect(await readChain('user:auditor.bogor')).toHaveLength(before)
  })

  it('a link to the old GET export (sent in a chat) exports nothing and records nothing in the clicker’s name', async () => {
    const before = (await readChain('user:auditor.bogor')).length
    const clicked = await get(`/api/audit/export?entityId=${bogorCase}`, 'auditor.bogor')
    expect(clicked.status).toBe(400)
    expect(clicked.headers.get('content-type')).toMatch(/application\/json/)
    expect(await readChain('user:auditor.bogor')).toHaveLength(before)
  })
})
