import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../../functions/core/audit/audit-entry'
import { canonicalJson, GENESIS_HASH } from '../../../../functions/core/audit/chain-hash'
import { hashEntry, nextEntry } from '../../../../functions/core/audit/next-entry'
import { type AnchoredHead, verifyChain } from '../../../../functions/core/audit/verify-chain'
import { chainArb, chainOf, input } from './arbitraries'

const headOf = (entries: AuditEntry[]): AnchoredHead => {
  const last = entries.at(-1)
  if (!last) throw new Error('empty chain')
  return { entityId: last.entityId, seq: last.seq, hash: last.hash, area: last.area }
}

const fiveEntries = () =>
  chainOf([
    input(),
    input({ action: 'TASK_CREATED', after: { task: 'ASSESSMENT' } }),
    input({
      action: 'ASSESSMENT_SUBMITTED',
      before: { status: 'ASSESSMENT' },
      after: { status: 'RECOMMENDATION' },
    }),
    input({ action: 'APPROVAL_DECIDED', after: { decision: 'APPROVE' } }),
    input({ action: 'CASE_CLOSED', after: { status: 'CLOSED', outcome: 'FULFILLED' } }),
  ])

/** Every field an attacker could touch, with a way to change it. */
const EDITS: Record<string, (entry: AuditEntry, value: string) => AuditEntry> = {
  entityId: (entry, value) => ({ ...entry, entityId: `${entry.entityId}${value}` }),
  seq: (entry) => ({ ...entry, seq: String(Number(entry.seq) + 7).padStart(10, '0') }),
  at: (entry) => ({ ...entry, at: new Date(Date.parse(entry.at) + 1000).toISOString() }),
  area: (entry) => ({ ...entry, area: entry.area === '32.01' ? '32.02' : '32.01' }),
  actorId: (entry, value) => ({ ...entry, actor: { ...entry.actor, id: `${entry.actor.id}${value}` } }),
  actorRole: (entry) => ({
    ...entry,
    actor: { ...entry.actor, role: entry.actor.role === 'admin' ? 'tksk' : 'admin' },
  }),
  action: (entry) => ({ ...entry, action: `${entry.action}_X` }),
  before: (entry, value) => ({ ...entry, before: { was: entry.before, edited: value } }),
  after: (entry, value) => ({ ...entry, after: [entry.after, value] }),
  correlationId: (entry, value) => ({ ...entry, correlationId: `${entry.correlationId}${value}` }),
  prevHash: (entry) => ({ ...entry, prevHash: entry.prevHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
  hash: (entry) => ({ ...entry, hash: entry.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }),
}

describe('an audit chain', () => {
  it('starts from 64 zeros and links each entry to the hash of the one before', () => {
    const [first, second] = fiveEntries()
    expect(GENESIS_HASH).toBe('0'.repeat(64))
    expect(first?.seq).toBe('0000000001')
    expect(first?.prevHash).toBe(GENESIS_HASH)
    expect(second?.seq).toBe('0000000002')
    expect(second?.prevHash).toBe(first?.hash)
  })

  it('hashes prevHash followed by the canonical JSON of the entry without its hash', async () => {
    const { createHash } = await import('node:crypto')
    const [entry] = fiveEntries()
    if (!entry) throw new Error('no entry')
    const { hash, ...unsealed } = entry
    const expected = createHash('sha256')
      .update(`${entry.prevHash}${canonicalJson(unsealed)}`)
      .digest('hex')
    expect(hash).toBe(expected)
    expect(hashEntry(entry)).toBe(expected)
  })

  it('does not depend on the order of keys in before and after', () => {
    const a = nextEntry(undefined, input({ after: { status: 'X', note: 'n' } }), new Date(0))
    const b = nextEntry(undefined, input({ after: { note: 'n', status: 'X' } }), new Date(0))
    expect(a.hash).toBe(b.hash)
  })

  it('refuses to continue another entity’s chain, a malformed area and a lower-case action', () => {
    const [head] = fiveEntries()
    expect(() => nextEntry(head, input({ entityId: 'case:OTHER' }), new Date())).toThrow(RangeError)
    expect(() => nextEntry(undefined, input({ area: '3201' }), new Date())).toThrow(RangeError)
    expect(() => nextEntry(undefined, input({ action: 'created' }), new Date())).toThrow(RangeError)
    expect(nextEntry(undefined, input({ entityId: 'user:u-admin', area: '*' }), new Date()).area).toBe('*')
  })

  it('verifies when untouched, counting every entry', () => {
    expect(verifyChain(fiveEntries())).toEqual({ valid: true, checked: 5 })
    expect(verifyChain([])).toEqual({ valid: true, checked: 0 })
  })

  it('an edited entry is reported at its seq', () => {
    const entries = fiveEntries()
    entries[2] = { ...(entries[2] as AuditEntry), after: { status: 'REJECTED' } }
    expect(verifyChain(entries)).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSeq: '0000000003',
      reason: 'HASH_MISMATCH',
    })
  })

  it('a deleted entry is reported at the missing seq', () => {
    const entries = fiveEntries()
    entries.splice(1, 1)
    expect(verifyChain(entries)).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000002',
      reason: 'SEQ_GAP',
    })
  })

  it('entries in the wrong order are reported at the first misplaced seq', () => {
    const entries = fiveEntries()
    const [third, fourth] = [entries[2] as AuditEntry, entries[3] as AuditEntry]
    entries[2] = fourth
    entries[3] = third
    expect(verifyChain(entries)).toMatchObject({ valid: false, firstBrokenSeq: '0000000003' })
  })

  it('an entry moved to another position with its seq rewritten breaks the links there', () => {
    const entries = fiveEntries()
    const moved = { ...(entries[3] as AuditEntry), seq: '0000000003' }
    entries[2] = moved
    expect(verifyChain(entries)).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000003',
      reason: 'PREV_HASH_MISMATCH',
    })
  })

  it('a dropped tail still verifies on its own, which is why chains are anchored', () => {
    const entries = fiveEntries()
    const anchor = headOf(entries)
    expect(verifyChain(entries.slice(0, 3))).toEqual({ valid: true, checked: 3 })
    expect(verifyChain(entries.slice(0, 3), anchor)).toEqual({
      valid: false,
      checked: 3,
      firstBrokenSeq: '0000000004',
      reason: 'BEHIND_ANCHOR',
    })
    expect(verifyChain([], anchor)).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000001',
      reason: 'BEHIND_ANCHOR',
    })
  })

  it('a chain rewritten with fresh hashes is caught by its anchor', () => {
    const original = fiveEntries()
    const anchor = headOf(original)
    const rewritten = chainOf([
      input(),
      input({ action: 'TASK_CREATED', after: { task: 'ASSESSMENT' } }),
      input({ action: 'ASSESSMENT_SUBMITTED', after: { status: 'NOT_ELIGIBLE' } }),
      input({ action: 'APPROVAL_DECIDED', after: { decision: 'APPROVE' } }),
      input({ action: 'CASE_CLOSED', after: { status: 'CLOSED', outcome: 'FULFILLED' } }),
    ])
    expect(verifyChain(rewritten).valid).toBe(true)
    expect(verifyChain(rewritten, anchor)).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000005',
      reason: 'ANCHOR_MISMATCH',
    })
  })

  it('a chain that grew after its anchor still verifies against it', () => {
    const entries = fiveEntries()
    expect(verifyChain(entries, headOf(entries.slice(0, 2)))).toEqual({ valid: true, checked: 5 })
  })

  it('any single-field edit in any entry is detected at that entry’s seq', () => {
    fc.assert(
      fc.property(
        chainArb(1, 6),
        fc.nat(),
        fc.constantFrom(...Object.keys(EDITS)),
        fc.string({ minLength: 1, maxLength: 5 }),
        (entries, pick, field, value) => {
          const index = pick % entries.length
          const original = entries[index] as AuditEntry
          const edited = EDITS[field]?.(original, value) as AuditEntry
          fc.pre(canonicalJson(edited) !== canonicalJson(original))
          const tampered = entries.with(index, edited)
          const verdict = verifyChain(tampered)
          expect(verdict.valid).toBe(false)
          expect(verdict.firstBrokenSeq).toBe(original.seq)
        },
      ),
    )
  })

  it('dropping any non-empty tail is detected against an anchor of the head', () => {
    fc.assert(
      fc.property(chainArb(2, 8), fc.nat(), (entries, pick) => {
        const kept = pick % entries.length
        const verdict = verifyChain(entries.slice(0, kept), headOf(entries))
        expect(verdict).toMatchObject({ valid: false, reason: 'BEHIND_ANCHOR' })
        expect(verdict.firstBrokenSeq).toBe(String(kept + 1).padStart(10, '0'))
      }),
    )
  })
})
