import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumeRateLimit } from '../../../functions/data/rate-limit-repository'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
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
