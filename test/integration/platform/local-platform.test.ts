import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
const get = (path: string, init?: RequestInit) => fetch(`${platform.url}${path}`, init)
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${platform.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

describe('the local platform', () => {
  it('reports healthy once its tables answer', async () => {
    const response = await get('/api/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
    expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9A-Z]{26}$/)
  })

  it('answers an unknown path with a 404 in the contract shape, with or without a token', async () => {
    const token = await login(platform.url, 'dinsos.bogor')
    for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
      const response = await get('/api/tidak-ada', { headers })
      expect(response.status).toBe(404)
      expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    }
  })

  it('keeps a sane correlation id given by the caller', async () => {
    const response = await get('/api/health', { headers: { 'x-correlation-id': 'req-1234-abcd' } })
    expect(response.headers.get('x-correlation-id')).toBe('req-1234-abcd')
  })

  it('lists the provinces, and the kecamatan of Kabupaten Bogor with Leuwiliang among them', async () => {
    const provinces = (await (await get('/api/reference/areas')).json()) as { items: { code: string }[] }
    expect(provinces.items).toHaveLength(38)
    const bogor = (await (await get('/api/reference/areas?parent=32.01')).json()) as {
      items: { code: string; name: string }[]
    }
    expect(bogor.items).toContainEqual({ code: '32.01.14', name: 'Leuwiliang' })
    const villages = (await (await get('/api/reference/areas?parent=32.01.14')).json()) as {
      items: { code: string }[]
    }
    expect(villages.items.length).toBeGreaterThan(5)
    expect(villages.items.every((v) => v.code.startsWith('32.01.14.'))).toBe(true)
  })

  it('refuses a malformed parent with the field path and an unknown one with 404', async () => {
    const malformed = await get('/api/reference/areas?parent=3201')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'parent' }] },
    })
    expect((await get('/api/reference/areas?parent=99.99')).status).toBe(404)
  })

  it('lists the 26 PPKS categories and 8 services with Indonesian labels', async () => {
    const body = (await (await get('/api/reference/categories')).json()) as {
      categories: { code: string; label: string; sensitive: boolean }[]
      services: { code: string; providerKind: string }[]
    }
    expect(body.categories).toHaveLength(26)
    expect(body.categories).toContainEqual(expect.objectContaining({ code: 'ODHA', sensitive: true }))
    expect(body.categories).toContainEqual(
      expect.objectContaining({ code: 'FAKIR_MISKIN', sensitive: false }),
    )
    expect(body.services).toHaveLength(8)
  })

  it('publishes an OpenAPI 3.1 document built from the route table', async () => {
    const document = (await (await get('/api/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, unknown>
    }
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/reference/areas', '/api/dev/login']),
    )
    const paths = document.paths as Record<string, Record<string, { requestBody?: unknown }>>
    expect(paths['/api/cases/status']?.post?.requestBody).toBeDefined()
    expect(paths['/api/cases/{caseId}/reveal']?.post?.requestBody).toBeDefined()
    expect(paths['/api/audit/export']?.post?.requestBody).toBeDefined()
  })

  it('logs in a seeded user with a session token in the body, also set as an HttpOnly session cookie', async () => {
    const response = await postJson('/api/dev/login', { username: 'tksk.leuwiliang' })
    expect(response.status).toBe(200)
    const { token } = (await response.json()) as { token: string }
    // Opaque (ADR 0011): who it stands for lives in the session item, not in the token.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(response.headers.get('set-cookie')).toMatch(
      new RegExp(`^session=${token}; Path=/; HttpOnly; SameSite=Lax`),
    )
    const tasks = await fetch(`${platform.url}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })
    expect(tasks.status).toBe(200)
  })

  it('refuses a login for an unknown user and rejects unknown fields by path', async () => {
    expect((await postJson('/api/dev/login', { username: 'siapa' })).status).toBe(404)
    const extra = await postJson('/api/dev/login', { username: 'admin', role: 'admin' })
    expect(extra.status).toBe(400)
    expect(await extra.json()).toMatchObject({ error: { details: [{ path: 'role' }] } })
  })

  it('refuses a body that is not JSON with 400 and a wrong content type with 415', async () => {
    const broken = await fetch(`${platform.url}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(broken.status).toBe(400)
    expect(await broken.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } })
    const form = await fetch(`${platform.url}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'username=admin',
    })
    expect(form.status).toBe(415)
  })

  it('refuses a body over 64 KiB with 413 before parsing it', async () => {
    const response = await postJson('/api/dev/login', { username: 'x'.repeat(70 * 1024) })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } })
  })

  it('delivers mail sent with the SES v2 SDK to the outbox, newest first, filtered by recipient', async () => {
    const ses = new SESv2Client({
      region: 'ap-southeast-3',
      endpoint: `${platform.url}/__aws`,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    })
    const send = (to: string, subject: string) =>
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@tksk.local',
          Destination: { ToAddresses: [to] },
          Content: {
            Simple: {
              Subject: { Data: subject },
              Body: {
                Text: { Data: `Buka ${platform.url}/t/abc?k=def untuk memutuskan.` },
                Html: { Data: '<p>x</p>' },
              },
            },
          },
        }),
      )
    const first = await send('rehsos@dinsos.bogorkab.local', 'Kasus 320114-2026-000001')
    expect(first.MessageId).toBeTruthy()
    await send('kadis@dinsos.bogorkab.local', 'Kasus 320114-2026-000002')
    await send('rehsos@dinsos.bogorkab.local', 'Kasus 320114-2026-000003')
    const outbox = (await (await get('/api/dev/outbox?to=rehsos@dinsos.bogorkab.local')).json()) as {
      items: { subject: string; links: string[]; to: string[] }[]
    }
    expect(outbox.items.map((m) => m.subject)).toEqual([
      'Kasus 320114-2026-000003',
      'Kasus 320114-2026-000001',
    ])
    expect(outbox.items[0]?.links).toEqual([`${platform.url}/t/abc?k=def`])
    ses.destroy()
  })

  it('moves the clock forward and reports the new now', async () => {
    const before = Date.now()
    const response = await postJson('/api/dev/clock/advance', { seconds: 86_400 })
    expect(response.status).toBe(200)
    const { now } = (await response.json()) as { now: string }
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(86_400_000)
    const backwards = await postJson('/api/dev/clock/advance', { seconds: -5 })
    expect(backwards.status).toBe(400)
    expect(await backwards.json()).toMatchObject({ error: { details: [{ path: 'seconds' }] } })
  })
})
