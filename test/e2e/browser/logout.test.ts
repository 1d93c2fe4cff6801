/**
 * Logout through Cognito in Chromium, under the pages' real CSP (issue 18.5). On AWS
 * "Keluar" posts `/logout`, which ends our session and answers a 303 to Cognito's
 * `/logout`; Chromium applies `form-action` to the redirects of a form submission, so
 * with `form-action 'self'` the browser stopped at that hop and Cognito's own session
 * lived on: the next person at a shared kecamatan PC was signed straight back in.
 *
 * A small HTTP server on another port stands in for the Cognito domain (another origin,
 * as on AWS): `/logout` returns to `logout_uri`, `/oauth2/authorize` is the hosted UI.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../support/platform'
import { browserPlatform } from './browser'

const local = browserPlatform()
const CLIENT = 'staff-client-id'

let cognito: Server
let cognitoUrl = ''
const cognitoHits: URL[] = []
const CHANGED = ['AUTH_MODE', 'COGNITO_DOMAIN', 'COGNITO_CLIENT_ID'] as const
const savedEnv = Object.fromEntries(CHANGED.map((name) => [name, process.env[name]]))

beforeAll(async () => {
  cognito = createServer((request, response) => {
    const hit = new URL(request.url ?? '/', cognitoUrl)
    cognitoHits.push(hit)
    if (hit.pathname === '/logout') {
      response.writeHead(302, { location: hit.searchParams.get('logout_uri') ?? '/' })
      response.end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Hosted UI</title><h1>Masuk ke tksk-flow</h1>')
  })
  await new Promise<void>((resolve) => cognito.listen(0, '127.0.0.1', resolve))
  cognitoUrl = `http://127.0.0.1:${(cognito.address() as AddressInfo).port}`
  // The platform started in local mode; from here on its pages behave as on AWS with the hosted UI.
  Object.assign(process.env, { AUTH_MODE: 'cognito', COGNITO_DOMAIN: cognitoUrl, COGNITO_CLIENT_ID: CLIENT })
})

afterAll(async () => {
  // Test files share a worker's process: put back exactly what this file changed.
  for (const name of CHANGED) {
    const value = savedEnv[name]
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  await new Promise((resolve) => cognito?.close(resolve))
})

describe('signing out on a shared kecamatan PC', () => {
  it('ends our session and Cognito’s: Chromium follows the logout to Cognito, and the next person meets the hosted UI', async () => {
    const token = await login(local.platform.url, 'tksk.leuwiliang')
    const context = await local.browser.context({ javaScriptEnabled: false, width: 1280 })
    await context.addCookies([{ name: 'session', value: token, url: local.url('/') }])
    const page = await context.newPage()
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
    })
    const response = await page.goto(local.url('/staff/cases'))
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain(`form-action 'self' ${cognitoUrl}`)

    await Promise.all([
      page.waitForURL((url) => url.origin === cognitoUrl && url.pathname === '/oauth2/authorize'),
      page.click('header button:has-text("Keluar")'),
    ])
    expect(blocked).toEqual([])
    const logout = cognitoHits.find((hit) => hit.pathname === '/logout')
    expect(logout?.searchParams.get('client_id')).toBe(CLIENT)
    expect(logout?.searchParams.get('logout_uri')).toBe(local.url('/login'))
    expect(await page.textContent('h1')).toContain('Masuk ke tksk-flow')

    // The cookie copied before logout opens nothing: the session is gone server-side.
    const replayed = await fetch(local.url('/api/tasks'), { headers: { cookie: `session=${token}` } })
    expect(replayed.status).toBe(401)
    expect((await context.cookies(local.url('/'))).find((c) => c.name === 'session')).toBeUndefined()
    await context.close()
  })
})
