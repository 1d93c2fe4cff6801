import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../../../functions/core/audit/audit-entry'
import { diffEntry } from '../../../../functions/core/audit/entry-diff'

/** JSON whose object keys hold no dot, so a dotted path names one field. */
const jsonArb: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonValue>(null, true, false, 0, 1, 'a', 'b', ''),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('status', 'area', 'note', 'rows', 'x'), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** The value at a dotted path, or `undefined` when the path leads nowhere. */
const at = (value: JsonValue | undefined, path: string): JsonValue | undefined => {
  if (path === '') return value
  let current = value
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined
    current = Array.isArray(current) ? current[Number(key)] : current[key]
  }
  return current
}

/**
 * The value as the audit entry stores it, JSON. fast-check's dictionaries are sometimes
 * null-prototype objects, which `isDeepStrictEqual` tells apart from plain ones
 * (counterexample `[{__proto__:null},{}]`) although their JSON, all the entry keeps, is
 * the same: the diff rightly finds nothing between them.
 */
const asStored = (value: JsonValue): unknown => JSON.parse(JSON.stringify(value))

describe('the field-by-field difference of an audit entry', () => {
  it('names a changed nested field by its dotted path, with both values', () => {
    const before = { status: 'IDENTIFICATION', applicant: { name: 'Siti', address: 'Kp. Cibeber' } }
    const after = { status: 'ASSESSMENT', applicant: { name: 'Siti', address: 'Kp. Leuwiliang' } }
    expect(diffEntry(before, after)).toEqual([
      { path: 'status', kind: 'changed', before: 'IDENTIFICATION', after: 'ASSESSMENT' },
      { path: 'applicant.address', kind: 'changed', before: 'Kp. Cibeber', after: 'Kp. Leuwiliang' },
    ])
  })

  it('lists every field of a created entity as added, and of a removed one as removed', () => {
    const record = { status: 'IDENTIFICATION', applicant: { nik: '320114******0001' } }
    expect(diffEntry(null, record)).toEqual([
      { path: 'status', kind: 'added', after: 'IDENTIFICATION' },
      { path: 'applicant.nik', kind: 'added', after: '320114******0001' },
    ])
    expect(diffEntry(record, null)).toEqual([
      { path: 'status', kind: 'removed', before: 'IDENTIFICATION' },
      { path: 'applicant.nik', kind: 'removed', before: '320114******0001' },
    ])
  })

  it('walks arrays by position and reports a grown list as an added element', () => {
    expect(diffEntry({ rows: [{ s: 'A' }] }, { rows: [{ s: 'B' }, { s: 'C' }] })).toEqual([
      { path: 'rows.0.s', kind: 'changed', before: 'A', after: 'B' },
      { path: 'rows.1.s', kind: 'added', after: 'C' },
    ])
  })

  it('reports a field whose type changes as one change, not its inner fields', () => {
    expect(diffEntry({ reason: { code: 'X' } }, { reason: 'tidak layak' })).toEqual([
      { path: 'reason', kind: 'changed', before: { code: 'X' }, after: 'tidak layak' },
    ])
    expect(diffEntry({ list: [] }, { list: {} })).toEqual([
      { path: 'list', kind: 'changed', before: [], after: {} },
    ])
  })

  it('compares plain values at the root under an empty path', () => {
    expect(diffEntry('A', 'B')).toEqual([{ path: '', kind: 'changed', before: 'A', after: 'B' }])
    expect(diffEntry(null, null)).toEqual([])
  })

  it('finds nothing between a plain object and a null-prototype one with the same fields', () => {
    const bare: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>
    bare.status = 'OPEN'
    expect(diffEntry(bare, { status: 'OPEN' })).toEqual([])
    expect(diffEntry(Object.create(null) as Record<string, JsonValue>, {})).toEqual([])
  })

  it('finds nothing between a value and itself', () => {
    fc.assert(
      fc.property(jsonArb, (value) => {
        expect(diffEntry(value, value)).toEqual([])
      }),
    )
  })

  it('reports exactly the values found at each path, and something whenever the two differ', () => {
    fc.assert(
      fc.property(jsonArb, jsonArb, (before, after) => {
        const changes = diffEntry(before, after)
        const root = (value: JsonValue) => (value === null ? undefined : value)
        for (const change of changes) {
          if (change.kind !== 'added') expect(at(root(before), change.path)).toEqual(change.before)
          if (change.kind !== 'removed') expect(at(root(after), change.path)).toEqual(change.after)
          if (change.kind === 'added') expect(at(root(before), change.path)).toBeUndefined()
          if (change.kind === 'removed') expect(at(root(after), change.path)).toBeUndefined()
        }
        expect(changes.length === 0).toBe(isDeepStrictEqual(asStored(before), asStored(after)))
      }),
    )
  })
})
