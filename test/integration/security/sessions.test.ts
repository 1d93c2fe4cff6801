/**
 * Issue 18.5 over HTTP: sessions are server-side items behind an opaque token, so a
 * copied cookie dies at logout, a dismissed or moved TKSK loses access on the next
 * request, and a PC left signed in closes itself. Each test is named after the attack.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSessionToken, revokeSessionsOf } from '../../../functions/data/session-repository'
import { sessionKey, userKey } from '../../../functions/data/keys'
import { dynamo } from '../../../functions/shared/clients'
import { env } from '../../../functions/shared/env'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const api = (token: string, path = '/api/tasks') =>
  fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
const page = (token: string, path = '/staff/tasks') =>
  fetch(`${platform.url}${path}`, { headers: { cookie: `session=${token}` }, redirect: 'manual' })

/** The CSRF token the staff pages put in their forms, read off a page as the browser would. */
const csrfOf = async (token: string): Promise<string> => {
  const html = await (await page(token, '/staff/cases')).text()
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
}

const logoutWithCookie = async (token: string, csrf: string) =>
  fetch(`${platform.url}/logout`, {
    method: 'POST',
    headers: { cookie: `session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }),
    redirect: 'manual',
  })

/** An admin's change to someone's directory entry, as the staff admin pages will write it. */
const changeDirectory = async (userId: string, set: Record<string, unknown>) => {
  const names = Object.fromEntries(Object.keys(set).map((k, i) => [`#f${i}`, k]))
  const values = Object.fromEntries(Object.values(set).map((v, i) => [`:v${i}`, v]))
  await dynamo().send(
    new UpdateCommand({
      TableName: env.mainTableName(),
      Key: userKey(userId),
      UpdateExpression: `SET ${Object.keys(set)
        .map((_, i) => `#f${i} = :v${i}`)
        .join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  )
}

const sessionItem = async (token: string) =>
  (
    await dynamo().send(
      new GetCommand({
        TableName: env.mainTableName(),
        Key: sessionKey(hashSessionToken(token)),
        ConsistentRead: true,
      }),
    )
  ).Item

const advance = async (seconds: number) => {
  const response = await fetch(`${platform.url}/api/dev/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  })
  expect(response.status).toBe(200)
}

describe('the session token', () => {
  it('is opaque: it carries no name, role or area, and the table keeps only its hash', async () => {
    const token = await login(platform.url, 'tksk.leuwiliang')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/tksk|leuwiliang|32\.01/)
    const item = await sessionItem(token)
    expect(item).toMatchObject({ userId: 'tksk.leuwiliang', role: 'tksk', area: '32.01.14' })
    expect(JSON.stringify(item)).not.toContain(token)
    expect(item?.expiresAt).toEqual(expect.any(Number))
  })

  it('from the dev login works as Bearer and as the cookie, for the API and the pages', async () => {
    const token = await login(platform.url, 'dinsos.bogor')
    expect((await api(token)).status).toBe(200)
    expect((await page(token)).status).toBe(200)
  })
})

describe('logout', () => {
  it('a cookie replayed after logout (copied from a shared PC) is refused: 401 API, 303 to /login for pages', async () => {
    const token = await login(platform.url, 'tksk.leuwiliang')
    const out = await logoutWithCookie(token, await csrfOf(token))
    expect(out.status).toBe(303)
    expect(out.headers.get('set-cookie')).toMatch(/^session=; .*Max-Age=0/)
    expect(await sessionItem(token)).toBeUndefined()
    expect((await api(token)).status).toBe(401)
    const replayed = await page(token)
    expect(replayed.status).toBe(303)
    expect(replayed.headers.get('location')).toMatch(/^\/login\?next=/)
  })

  it('another site cannot sign staff out: a logout through the cookie without the CSRF token ends nothing', async () => {
    const token = await login(platform.url, 'tksk.leuwiliang')
    expect((await logoutWithCookie(token, 'forged')).status).toBe(403)
    expect((await api(token)).status).toBe(200)
  })

  it('a Bearer client logs out with its token alone, and the token is dead after', async () => {
    const token = await login(platform.url, 'auditor.bogor')
    const out = await fetch(`${platform.url}/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    })
    expect(out.status).toBe(303)
    expect((await api(token, '/api/audit?area=32.01')).status).toBe(401)
  })

  it('ends only that session: the same person signed in on another PC stays signed in', async () => {
    const here = await login(platform.url, 'kadinsos.bogor')
    const there = await login(platform.url, 'kadinsos.bogor')
    await logoutWithCookie(here, await csrfOf(here))
    expect((await api(here)).status).toBe(401)
    expect((await api(there)).status).toBe(200)
  })
})

describe('the staff directory decides on every request', () => {
  it('a dismissed TKSK is refused on the next request, on every device, and cannot sign in again', async () => {
    const phone = await login(platform.url, 'tksk.ciampea')
    const office = await login(platform.url, 'tksk.ciampea')
    expect((await api(phone)).status).toBe(200)
    await changeDirectory('tksk.ciampea', { active: false })
    try {
      expect((await api(phone)).status).toBe(401)
      expect(await sessionItem(office)).toBeUndefined()
      const officePage = await page(office)
      expect(officePage.status).toBe(303)
      expect(officePage.headers.get('location')).toMatch(/^\/login/)
      const again = await fetch(`${platform.url}/api/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'tksk.ciampea' }),
      })
      expect(again.status).toBe(401)
    } finally {
      await changeDirectory('tksk.ciampea', { active: true })
    }
  })

  it('a TKSK moved to another kecamatan keeps no access to the old one through an open session', async () => {
    const token = await login(platform.url, 'tksk.panjang')
    await changeDirectory('tksk.panjang', { area: '18.71.05' })
    try {
      expect((await api(token, '/api/cases?area=18.71.04')).status).toBe(401)
      const fresh = await login(platform.url, 'tksk.panjang')
      expect((await api(fresh)).status).toBe(200)
    } finally {
      await changeDirectory('tksk.panjang', { area: '18.71.04' })
    }
  })

  it('an auditor given the admin role must sign in again before acting with it', async () => {
    const token = await login(platform.url, 'auditor.pusat')
    await changeDirectory('auditor.pusat', { role: 'admin' })
    try {
      expect((await api(token, '/api/audit?area=32.01')).status).toBe(401)
    } finally {
      await changeDirectory('auditor.pusat', { role: 'auditor' })
    }
  })

  it('revokeSessionsOf ends every session of one person at once and no one else’s', async () => {
    const first = await login(platform.url, 'kadinsos.bandarlampung')
    const second = await login(platform.url, 'kadinsos.bandarlampung')
    const bystander = await login(platform.url, 'dinsos.bogor')
    expect(await revokeSessionsOf('kadinsos.bandarlampung')).toBeGreaterThanOrEqual(2)
    expect((await api(first, '/api/audit?area=32.01')).status).toBe(401)
    expect((await api(second, '/api/audit?area=32.01')).status).toBe(401)
    expect((await api(bystander)).status).toBe(200)
    expect(await revokeSessionsOf('kadinsos.bandarlampung')).toBe(0)
  })
})

describe('a PC left signed in', () => {
  it('closes after 30 minutes without a request', async () => {
    const token = await login(platform.url, 'dinsos.bogor')
    await advance(29 * 60)
    expect((await api(token)).status).toBe(200)
    await advance(29 * 60)
    expect((await api(token)).status).toBe(200)
    await advance(30 * 60 + 1)
    expect((await api(token)).status).toBe(401)
    expect(await sessionItem(token)).toBeUndefined()
  })

  it('closes 8 hours after sign-in even when someone keeps using it', async () => {
    const token = await login(platform.url, 'dinsos.bogor')
    for (let step = 0; step < 16; step += 1) {
      await advance(29 * 60)
      expect((await api(token)).status, `after ${(step + 1) * 29} minutes`).toBe(200)
    }
    await advance(20 * 60)
    expect((await api(token)).status).toBe(401)
  })
})

describe('state changes through the cookie', () => {
  it('a cross-site POST to the API riding on the cookie is refused without the CSRF header; with it, it passes', async () => {
    const token = await login(platform.url, 'auditor.bogor')
    const exportWith = (headers: Record<string, string>) =>
      fetch(`${platform.url}/api/audit/export`, {
        method: 'POST',
        headers: { cookie: `session=${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ area: '32.01' }),
      })
    expect((await exportWith({})).status).toBe(403)
    expect((await exportWith({ 'x-csrf-token': 'forged' })).status).toBe(403)
    expect((await exportWith({ 'x-csrf-token': await csrfOf(token) })).status).toBe(200)
  })
})
