/**
 * The field names of the audit entry page (ui14): a dotted path breaks only after its dots
 * at 360 px, so each dot is followed by a `<wbr>` and each segment stays escaped text.
 */
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../functions/core/audit/audit-entry'
import type { User } from '../../../functions/core/identity/user'
import { auditTimelinePage } from '../../../functions/web/audit-timeline-page'

const ctx = {
  user: {
    id: 'a1',
    username: 'auditor.bogor',
    role: 'auditor',
    area: '32.01',
    email: 'a@example.org',
  } as User,
  csrf: 'token',
}

const entry = (before: AuditEntry['before'], after: AuditEntry['after']): AuditEntry => ({
  entityId: 'case:01JEXAMPLE0000000000000000',
  seq: '0000000002',
  at: '2026-12-01T03:00:00.000Z',
  area: '32.01.14',
  actor: { id: 'u1', role: 'tksk' },
  action: 'CASE_UPDATED',
  before,
  after,
  correlationId: 'c1',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
})

const fieldNamesOf = (item: AuditEntry): string[] => {
  const page =
    auditTimelinePage(ctx, {
      entityId: item.entityId,
      items: [item],
      nextCursor: null,
      names: { actor: (actor) => actor.id, place: (code) => code },
    }).body ?? ''
  return [...page.matchAll(/<code class="field-path"\s*>([\s\S]*?)<\/code\s*>/g)].map((m) => m[1] ?? '')
}

describe('the field names of the audit entry page', () => {
  it('may break after each dot of a path, and only there', () => {
    expect(fieldNamesOf(entry({ applicant: { nik: '1' } }, { applicant: { nik: '2' } }))).toEqual([
      'applicant.<wbr />nik',
    ])
  })

  it('escapes each segment of a path', () => {
    expect(fieldNamesOf(entry({ note: { 'a<b': 1 } }, { note: { 'a<b': 2 } }))).toEqual([
      'note.<wbr />a&lt;b',
    ])
  })

  it('writes a name without a dot as it is', () => {
    expect(fieldNamesOf(entry({ status: 'A' }, { status: 'B' }))).toEqual(['status'])
  })
})
