/**
 * The resource handler with a staff action: a session presented by cookie and no rate
 * counter, without DynamoDB. The modules are loaded afresh after the mocks: another file of
 * this worker may have loaded the handler with the real ones (`isolate: false`).
 */
import type { Context } from 'aws-lambda'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { User } from '../../../../functions/core/identity/user'
import { apiEvent } from '../../../support/events'

const STAFF: User = { id: 'u1', username: 'operator', role: 'admin', area: '32.01', email: 'o@x.id' }
vi.mock('../../../../functions/flows/session/authenticate', () => ({
  authenticateSession: async () => ({ user: STAFF, presented: { token: 't', via: 'cookie' } }),
}))
vi.mock('../../../../functions/flows/rate-limit/enforce-rate-limit', () => ({
  enforceRateLimit: async () => {},
}))
vi.resetModules()
const { createResourceHandler } = await import('../../../../functions/http/runtime/resource-handler')
const { staffAction } = await import('../../../../functions/http/runtime/action')
const { json } = await import('../../../../functions/http/runtime/responses')
afterAll(() => {
  vi.doUnmock('../../../../functions/flows/session/authenticate')
  vi.doUnmock('../../../../functions/flows/rate-limit/enforce-rate-limit')
  vi.resetModules()
})

const context = {} as Context
type Result = { statusCode: number; body: string; headers: Record<string, string>; isBase64Encoded?: boolean }
const call = async (handler: ReturnType<typeof createResourceHandler>, event: ReturnType<typeof apiEvent>) =>
  (await handler(event, context)) as Result

describe('the resource handler with a staff action', () => {
  beforeEach(() => {
    process.env.STAGE = 'local'
  })

  it('believes `cache-control: public` only from a public action: a staff answer to another site stays uncompressed', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ staffId: `01JSTAFF${i}`, name: 'Petugas' }))
    const handler = createResourceHandler('admin', {
      list: staffAction(async () => json(200, { items }, { 'cache-control': 'public, max-age=60' })),
    })
    const crossSite = { 'accept-encoding': 'br, gzip', 'sec-fetch-site': 'cross-site' }
    const event = apiEvent({ routeKey: 'GET /api/admin/staff', headers: crossSite, cookies: ['session=t'] })
    const answer = await call(handler, event)
    expect(answer.statusCode).toBe(200)
    expect(Buffer.byteLength(answer.body)).toBeGreaterThanOrEqual(1000)
    expect(answer.headers['content-encoding']).toBeUndefined()
    expect(answer.isBase64Encoded).toBeUndefined()
    expect(JSON.parse(answer.body)).toEqual({ items })
    // The same answer from our own pages is compressed: the refusal above is the BREACH rule's.
    const ours = apiEvent({
      routeKey: 'GET /api/admin/staff',
      headers: { ...crossSite, 'sec-fetch-site': 'same-origin' },
      cookies: ['session=t'],
    })
    expect((await call(handler, ours)).headers['content-encoding']).toBe('br')
  })

  it('asks a cookie session for the CSRF proof on an API change, not on a read', async () => {
    const handler = createResourceHandler('admin', {
      list: staffAction(async () => json(200, { items: [] })),
      create: staffAction(async () => json(201, { staffId: 's1' })),
    })
    const cookie = { cookies: ['session=t'], headers: { 'content-type': 'application/json' } }
    const read = await call(handler, apiEvent({ routeKey: 'GET /api/admin/staff', ...cookie }))
    expect(read.statusCode).toBe(200)
    const change = await call(handler, apiEvent({ routeKey: 'POST /api/admin/staff', ...cookie, body: '{}' }))
    expect(change.statusCode).toBe(403)
    expect(JSON.parse(change.body).error.message).toContain('token CSRF')
  })
})
