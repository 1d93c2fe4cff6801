import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import { closeCaseChange } from '../../../functions/flows/case/close-case-change'

const record = {
  caseId: 'C1',
  nikRef: 'ref',
  service: 'JAMKESDA',
} as CaseRecord

beforeAll(() => {
  process.env.MAIN_TABLE_NAME = 'main'
})

describe('closing a case schedules its anonymisation', () => {
  const at = '2026-02-01T01:00:00.000Z'
  const scheduled = (change: ReturnType<typeof closeCaseChange>) =>
    change.alongWith.flatMap((item) => (item.Put ? [item.Put] : []))

  it.each([
    ['closed by the workflow or a withdrawal', record],
    ['closed as the duplicate of another case', { ...record, duplicateOf: 'C0' }],
  ])('%s: the closing transaction puts the schedule item of its closing month', (_name, closing) => {
    expect(scheduled(closeCaseChange(closing, 'FULFILLED', undefined, at))).toEqual([
      {
        TableName: 'main',
        Item: { pk: 'RETENTION#2026-02', sk: `${at}#C1`, caseId: 'C1', closedAt: at },
      },
    ])
  })
})
