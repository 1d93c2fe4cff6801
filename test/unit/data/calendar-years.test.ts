import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { readCalendarYears } from '../../../functions/data/calendar-repository'
import { calendarYearKey } from '../../../functions/data/keys'

const dynamo = mockClient(DynamoDBDocumentClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => dynamo.restore())
const stored2027 = {
  ...calendarYearKey(2027),
  year: 2027,
  daysOff: [{ date: '2027-03-10', label: 'Cuti bersama Nyepi' }],
  updatedAt: '2026-11-02T03:00:00.000Z',
  version: 2,
}

beforeAll(() => {
  vi.stubEnv('MAIN_TABLE_NAME', 'main-unit')
})
afterAll(() => {
  vi.unstubAllEnvs()
})
beforeEach(() => {
  dynamo.reset()
})

describe('reading several years of days off at once', () => {
  it('answers each year asked, in order, from one consistent read: the stored list, else the built-in one, else none', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { 'main-unit': [stored2027] } })
    const [y2026, y2027, y2028] = await readCalendarYears([2026, 2027, 2028])
    expect(y2026).toMatchObject({ year: 2026, source: 'built-in', version: 0 })
    expect(y2026?.daysOff.length).toBeGreaterThan(0)
    expect(y2027).toEqual({
      year: 2027,
      daysOff: stored2027.daysOff,
      updatedAt: stored2027.updatedAt,
      version: 2,
      source: 'stored',
    })
    expect(y2028).toBeUndefined()
    const calls = dynamo.commandCalls(BatchGetCommand)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.args[0].input.RequestItems?.['main-unit']).toMatchObject({
      Keys: [2026, 2027, 2028].map(calendarYearKey),
      ConsistentRead: true,
    })
  })
})
