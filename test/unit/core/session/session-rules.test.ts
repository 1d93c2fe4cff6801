import { describe, expect, it } from 'vitest'
import {
  endsEverySessionOfHolder,
  judgeSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_TOUCH_MS,
  sessionEndsAt,
} from '../../../../functions/core/session/session-rules'

const T0 = Date.parse('2026-12-06T01:00:00Z')
const session = { createdAtMs: T0, lastSeenMs: T0, role: 'tksk', area: '32.01.14' }
const directory = { role: 'tksk', area: '32.01.14' }

describe('when a staff session still holds', () => {
  it('holds for an active holder with the role and area it was opened with', () => {
    expect(judgeSession(session, directory, T0 + 1000)).toEqual({ holds: true, touch: false })
    expect(judgeSession(session, { ...directory, active: true }, T0 + SESSION_TOUCH_MS)).toEqual({
      holds: true,
      touch: true,
    })
  })

  it('a PC left signed in ends after 30 minutes without a request', () => {
    expect(judgeSession(session, directory, T0 + SESSION_IDLE_MS - 1).holds).toBe(true)
    expect(judgeSession(session, directory, T0 + SESSION_IDLE_MS)).toEqual({ holds: false, end: 'idle' })
  })

  it('a session kept busy still ends 8 hours after sign-in', () => {
    const busy = { ...session, lastSeenMs: T0 + SESSION_ABSOLUTE_MS - 60_000 }
    expect(judgeSession(busy, directory, T0 + SESSION_ABSOLUTE_MS - 1).holds).toBe(true)
    expect(judgeSession(busy, directory, T0 + SESSION_ABSOLUTE_MS)).toEqual({ holds: false, end: 'absolute' })
  })

  it('a dismissed TKSK loses the session on the next request, and with it every other session', () => {
    const verdict = judgeSession(session, { ...directory, active: false }, T0 + 1000)
    expect(verdict).toEqual({ holds: false, end: 'inactive' })
    expect(!verdict.holds && endsEverySessionOfHolder(verdict.end)).toBe(true)
  })

  it('a TKSK moved to another kecamatan, or given another role, must sign in again', () => {
    expect(judgeSession(session, { ...directory, area: '32.01.15' }, T0 + 1)).toEqual({
      holds: false,
      end: 'role-or-area-changed',
    })
    expect(judgeSession(session, { ...directory, role: 'dinsos' }, T0 + 1)).toEqual({
      holds: false,
      end: 'role-or-area-changed',
    })
  })

  it('a holder removed from the directory holds nothing', () => {
    expect(judgeSession(session, undefined, T0 + 1)).toEqual({ holds: false, end: 'unknown-user' })
  })

  it('an idle or expired session ends alone; the holder’s other sessions are theirs to keep', () => {
    expect(endsEverySessionOfHolder('idle')).toBe(false)
    expect(endsEverySessionOfHolder('absolute')).toBe(false)
  })

  it('the TTL follows whichever end comes first', () => {
    expect(sessionEndsAt(session)).toBe(T0 + SESSION_IDLE_MS)
    expect(sessionEndsAt({ createdAtMs: T0, lastSeenMs: T0 + SESSION_ABSOLUTE_MS - 1000 })).toBe(
      T0 + SESSION_ABSOLUTE_MS,
    )
  })
})
