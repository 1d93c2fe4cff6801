import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumeRateLimit } from '../../../functions/data/rate-limit-repository'
import { advanceClock, nowMs } from '../../../functions/shared/clock'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'

/**
 * The public limit is read per request (functions/shared/env.ts): six a minute prove the
 * same budget as the deployed sixty with a tenth of the requests. The files of a worker
 * share process.env (vitest.config.ts `isolate: false`), so the deployed value comes back.
 */
const LIMIT = 6
const savedLimit = process.env.RATE_LIMIT_PER_MINUTE

let platform: TestPlatform
beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = String(LIMIT)
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
  if (savedLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE
  else process.env.RATE_LIMIT_PER_MINUTE = savedLimit
})

const minuteStart = Date.parse('2026-11-23T08:15:00.000Z')

describe('the DynamoDB window rate limiter', () => {
  it('lets the limit through in a minute, refuses the next with the seconds left, and opens again next minute', async () => {
    const at = minuteStart + 45_000
    for (let i = 0; i < 3; i += 1) {
      expect(await consumeRateLimit('POST/api/cases', '10.0.0.1', 3, at)).toEqual({
        allowed: true,
        retryAfterSeconds: 15,
      })
    }
    expect(await consumeRateLimit('POST/api/cases', '10.0.0.1', 3, at)).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
    })
    expect((await consumeRateLimit('POST/api/cases', '10.0.0.1', 3, minuteStart + 60_000)).allowed).toBe(true)
  })

  it('counts each client and each bucket on its own, so a public burst leaves staff untouched', async () => {
    for (let i = 0; i < 2; i += 1) await consumeRateLimit('POST/t/{linkId}', '10.0.0.2', 2, minuteStart)
    expect((await consumeRateLimit('POST/t/{linkId}', '10.0.0.2', 2, minuteStart)).allowed).toBe(false)
    expect((await consumeRateLimit('POST/t/{linkId}', '10.0.0.3', 2, minuteStart)).allowed).toBe(true)
    expect((await consumeRateLimit('staff', '10.0.0.2', 2, minuteStart)).allowed).toBe(true)
  })

  it('never lets more than the limit through when requests race', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 12 }, () => consumeRateLimit('GET/api/cases/status', '10.0.0.4', 5, minuteStart)),
    )
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
  })
})

describe('a public endpoint', () => {
  it('answers 429 RATE_LIMITED with Retry-After once a client passes the limit, the status page and API drawing on one budget, and staff are unaffected', async () => {
    // Each lookup names another (unknown) reference, so the per-reference lock never trips here.
    const reference = (i: number) => `320114-2026-9${String(i).padStart(5, '0')}`
    const viaApi = (i: number) =>
      fetch(`${platform.url}/api/cases/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference: reference(i), accessCode: 'ABCDEF' }),
      })
    const viaPage = (i: number) =>
      fetch(`${platform.url}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ reference: reference(i), accessCode: 'ABCDEF' }),
      })
    const limit = LIMIT
    // Start at the beginning of a window of the project clock so the burst stays in one minute.
    await advanceClock(60 - new Date(nowMs()).getUTCSeconds())
    const statuses: number[] = []
    for (let i = 0; i < limit; i += 1) statuses.push((await (i % 2 === 0 ? viaApi(i) : viaPage(i))).status)
    expect(statuses.every((status) => status === 404)).toBe(true)
    const refused = await viaApi(limit)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    expect((await viaPage(limit + 1)).status).toBe(429)
    const token = await login(platform.url, 'dinsos.bogor')
    const staff = await fetch(`${platform.url}/api/tasks`, { headers: { authorization: `Bearer ${token}` } })
    expect(staff.status).toBe(200)
  })
})
