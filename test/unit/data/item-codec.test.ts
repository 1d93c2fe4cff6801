import { describe, expect, it } from 'vitest'
import { recordOf as caseOf } from '../../../functions/data/case-repository'
import { recordOf as batchOf } from '../../../functions/data/batch-repository'
import { entryOf } from '../../../functions/data/audit-item'
import { itemCodec } from '../../../functions/data/item-codec'

describe('turning a stored item back into a record', () => {
  it('leaves the table key and index entries behind', () => {
    const item = { pk: 'X#1', sk: 'X', gsi1pk: 'A', gsi1sk: 'B', gsi2pk: 'C', gsi2sk: 'D', name: 'Siti' }
    expect(itemCodec<{ name: string }>()(item)).toEqual({ name: 'Siti' })
  })

  it('gives a case its steps as a list, whether stored as a set or not at all', () => {
    const stored = { pk: 'CASE#c-1', sk: 'CASE', caseId: 'c-1', steps: new Set(['open:ASSESSMENT']) }
    expect(caseOf(stored)).toEqual({ caseId: 'c-1', steps: ['open:ASSESSMENT'] })
    expect(caseOf({ pk: 'CASE#c-2', sk: 'CASE', caseId: 'c-2' })).toEqual({ caseId: 'c-2', steps: [] })
  })

  it('never hands out the task token of a batch waiting for its approval', () => {
    expect(batchOf({ pk: 'BATCH#b-1', sk: 'BATCH', batchId: 'b-1', token: 'secret' })).toEqual({
      batchId: 'b-1',
    })
  })

  it('keeps an attribute someone added to an audit item, so the chain check sees the tampering', () => {
    const item = {
      entityId: 'case:c-1',
      seq: '0000000001',
      hash: 'h',
      atSeq: 'x',
      areaDay: 'y',
      day: 'z',
      actorId: 'u',
    }
    expect(entryOf({ ...item, injected: true })).toEqual({
      entityId: 'case:c-1',
      seq: '0000000001',
      hash: 'h',
      injected: true,
    })
  })
})
