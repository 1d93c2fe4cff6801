import { beforeAll, describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import { closeCaseChange } from '../../../functions/flows/case/close-case-change'

const record = {
  caseId: 'C1',
  nikRef: 'ref',
  service: 'JAMKESDA',
  status: 'ASSESSMENT',
  // No address: the closing writes no notice, only the schedule item.
  applicant: { name: 'Siti' },
} as CaseRecord

beforeAll(() => {
  process.env.MAIN_TABLE_NAME = 'main'
  process.env.PUBLIC_BASE_URL = 'https://tksk.example'
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

  it('closed from identification with an address: the receipt and the outcome notice go in the closing transaction', () => {
    const withAddress = {
      ...record,
      reference: 'BGR-2026-000001',
      status: 'IDENTIFICATION',
      accessCode: 'ABCD2345',
      kecamatan: '32.01.01',
      applicant: { name: 'Siti', email: 'siti@example.org' },
    } as CaseRecord
    const mails = scheduled(closeCaseChange(withAddress, 'INVALID', undefined, at)).filter((put) =>
      String(put.Item?.pk).startsWith('MAIL#'),
    )
    expect(mails.map((put) => [put.Item?.to, put.ConditionExpression])).toEqual([
      ['siti@example.org', 'attribute_not_exists(pk)'],
      ['siti@example.org', 'attribute_not_exists(pk)'],
    ])
    expect(mails.map((put) => put.Item?.subject)).toEqual([
      expect.stringContaining('sudah diterima'),
      expect.stringContaining('BGR-2026-000001'),
    ])
  })
})
