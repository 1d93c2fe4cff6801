import { describe, expect, it } from 'vitest'
import type { User } from '../../../../functions/core/identity/user'
import { resolveAuditQuery } from '../../../../functions/http/audit/resolve-query'
import { ValidationError } from '../../../../functions/shared/errors'

const NATIONAL_AUDITOR: User = { id: 'a1', username: 'auditor', role: 'auditor', area: '*', email: 'a@x.id' }
const NOW = new Date('2026-12-07T10:00:00.000Z')

describe('the audit list at a province code (ADR 0039, addendum)', () => {
  it('refuses to list a province by area: the partition of `32` holds only its province-level entries', () => {
    let refused: unknown
    try {
      resolveAuditQuery(NATIONAL_AUDITOR, 'audit:read', { area: '32' }, NOW)
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(ValidationError)
    expect((refused as ValidationError).details).toEqual([{ path: 'area', message: expect.any(String) }])
  })

  it('takes a province as a filter of an entity’s or an actor’s entries: the whole province', () => {
    const byActor = resolveAuditQuery(NATIONAL_AUDITOR, 'audit:read', { area: '32', actor: 'u7' }, NOW)
    expect(byActor).toMatchObject({ source: { by: 'actor', actorId: 'u7' }, filter: { area: '32' } })
  })

  it('lists a kabupaten by area', () => {
    const byArea = resolveAuditQuery(NATIONAL_AUDITOR, 'audit:read', { area: '32.01' }, NOW)
    expect(byArea.source).toEqual({ by: 'area', area: '32.01' })
  })
})
