import { describe, expect, it } from 'vitest'
import {
  type AnchorRecord,
  anchorIsSealed,
  buildAnchor,
  headsOf,
  hourFloor,
  latestAnchoredHead,
  verifyAnchorChain,
} from '../../../../functions/core/audit/anchor'
import { GENESIS_HASH } from '../../../../functions/core/audit/chain-hash'
import type { AnchoredHead } from '../../../../functions/core/audit/verify-chain'
import { chainOf, input } from './arbitraries'

const caseA = chainOf([input({ entityId: 'case:A' }), input({ entityId: 'case:A', action: 'TASK_CREATED' })])
const caseB = chainOf([input({ entityId: 'case:B', area: '18.71.04' })])
const head = (seq: string, entityId = 'case:A'): AnchoredHead => ({
  entityId,
  seq,
  hash: 'f'.repeat(64),
  area: '32.01.14',
})

const H = (iso: string) => new Date(iso)
const window1 = { from: H('2026-03-02T00:00:00Z'), through: H('2026-03-02T01:00:00Z') }
const window2 = { from: H('2026-03-02T01:00:00Z'), through: H('2026-03-02T02:00:00Z') }

describe('the anchor chain', () => {
  it('anchors whole hours', () => {
    expect(hourFloor(H('2026-03-02T10:59:59.999Z')).toISOString()).toBe('2026-03-02T10:00:00.000Z')
    expect(hourFloor(H('2026-03-02T11:00:00.000Z')).toISOString()).toBe('2026-03-02T11:00:00.000Z')
  })

  it('seals the newest head of each changed chain, sorted by entity', () => {
    const heads = headsOf([...caseB, ...caseA].reverse())
    expect(heads.map((h) => [h.entityId, h.seq])).toEqual([
      ['case:A', '0000000002'],
      ['case:B', '0000000001'],
    ])
    expect(heads[0]?.hash).toBe(caseA[1]?.hash)
  })

  it('starts from 64 zeros and links each record to the one before', () => {
    const first = buildAnchor(undefined, headsOf(caseA), window1, window1.through)
    const second = buildAnchor(first, headsOf(caseB), window2, window2.through)
    expect(first).toMatchObject({ anchorSeq: '0000000001', prevHash: GENESIS_HASH })
    expect(second).toMatchObject({ anchorSeq: '0000000002', prevHash: first.hash })
    expect(anchorIsSealed(second)).toBe(true)
    expect(verifyAnchorChain([first, second])).toEqual({ valid: true, checked: 2 })
  })

  it('does not seal again a head the previous record sealed, but does seal one that moved', () => {
    const first = buildAnchor(undefined, [head('0000000002')], window1, window1.through)
    expect(buildAnchor(first, [head('0000000002')], window2, window2.through).heads).toEqual([])
    expect(buildAnchor(first, [head('0000000003')], window2, window2.through).heads).toEqual([
      head('0000000003'),
    ])
  })

  it('a record edited, removed or reordered breaks the anchor chain at its position', () => {
    const first = buildAnchor(undefined, [head('0000000001')], window1, window1.through)
    const second = buildAnchor(first, [head('0000000002')], window2, window2.through)
    const third = buildAnchor(second, [head('0000000003')], window2, window2.through)
    const edited: AnchorRecord = { ...second, heads: [head('0000000001')] }
    expect(anchorIsSealed(edited)).toBe(false)
    expect(verifyAnchorChain([first, edited, third])).toMatchObject({
      valid: false,
      firstBrokenAnchorSeq: '0000000002',
    })
    expect(verifyAnchorChain([first, third])).toMatchObject({
      valid: false,
      firstBrokenAnchorSeq: '0000000002',
    })
    expect(verifyAnchorChain([second, first])).toMatchObject({
      valid: false,
      firstBrokenAnchorSeq: '0000000001',
    })
  })

  it('gives verify the latest head anchored for an entity', () => {
    const first = buildAnchor(
      undefined,
      [head('0000000001'), head('0000000004', 'case:B')],
      window1,
      window1.through,
    )
    const second = buildAnchor(first, [head('0000000002')], window2, window2.through)
    expect(latestAnchoredHead([second, first], 'case:A')?.head.seq).toBe('0000000002')
    expect(latestAnchoredHead([second, first], 'case:B')?.record.anchorSeq).toBe('0000000001')
    expect(latestAnchoredHead([second, first], 'case:C')).toBeUndefined()
  })
})
