import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { estimate, lineItems, perUnit, type PriceFile, SCENARIOS } from '../../../bench/cost/estimate'
import { emptyUsage, type Usage } from '../../../bench/cost/meter'
import { itemBytes, transactionalItemUnits } from '../../../bench/cost/transaction-units'
import type { TableDefinition } from '../../../functions/data/table-definitions'

const prices = JSON.parse(
  readFileSync(new URL('../../../bench/prices-ap-southeast-3.json', import.meta.url), 'utf8'),
) as PriceFile

const usage = (values: Partial<Usage>): Usage => ({ ...emptyUsage(), ...values })
const usd = (lines: ReturnType<typeof lineItems>, service: string) =>
  lines.find((line) => line.service === service)?.usd

describe('the price arithmetic of npm run cost', () => {
  it('prices a million write units, a thousand transitions and a thousand emails at the file’s list prices', () => {
    const lines = lineItems(
      usage({ writeUnits: 1_000_000, stateTransitions: 1_000, emails: 1_000 }),
      prices.prices,
      512,
    )
    expect(usd(lines, 'DynamoDB writes')).toBeCloseTo(prices.prices.dynamodbWriteRequestUnit.usd * 1e6, 10)
    expect(usd(lines, 'Step Functions')).toBeCloseTo(0.025, 10)
    expect(usd(lines, 'SES')).toBeCloseTo(0.1, 10)
  })

  it('bills Lambda duration in GB-seconds of the configured memory: 2,000 ms at 512 MB is 1 GB-s', () => {
    const lines = lineItems(usage({ lambdaMs: 2_000 }), prices.prices, 512)
    const duration = lines.find((line) => line.service === 'Lambda duration')
    expect(duration?.quantity).toBe(1)
    expect(duration?.usd).toBeCloseTo(prices.prices.lambdaGbSecondArm.usd, 12)
  })

  it('scales what one case and one verval row used by the month’s volume and adds the two', () => {
    const perCase = perUnit(usage({ writeUnits: 300, stateTransitions: 40 }), 2)
    const perRow = usage({ writeUnits: 1 })
    const result = estimate(
      { name: 'test', casesPerMonth: 10, vervalRowsPerMonth: 100 },
      perCase,
      perRow,
      prices.prices,
      512,
    )
    expect(result.usage.writeUnits).toBe(10 * 150 + 100)
    expect(result.usage.stateTransitions).toBe(10 * 20)
    expect(result.totalUsd).toBeCloseTo(
      result.lines.reduce((sum, line) => sum + line.usd, 0),
      12,
    )
  })

  it('sizes the national month from 7,277 kecamatan and 5 % of 28.8 M KPM', () => {
    const national = SCENARIOS.find((scenario) => scenario.name.startsWith('national'))
    expect(national).toMatchObject({ casesPerMonth: 363_850, vervalRowsPerMonth: 1_440_000 })
  })

  it('keeps a source address and a basis for every price, and the date they were read', () => {
    expect(prices.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    for (const price of Object.values(prices.prices)) {
      expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\//)
      expect(price.basis.length).toBeGreaterThan(0)
      expect(price.usd).toBeGreaterThan(0)
    }
  })
})

describe('the write units of a transaction as DynamoDB bills them', () => {
  const definition = {
    id: 'main',
    name: 'main',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: [
      {
        indexName: 'gsi1',
        partitionKey: { name: 'gsi1pk', type: 'S' },
        sortKey: { name: 'gsi1sk', type: 'S' },
      },
    ],
  } as unknown as TableDefinition

  it('charges 2 units per started KB, again for each index whose key the item carries', () => {
    const small = { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } }
    expect(transactionalItemUnits(small, definition)).toBe(2)
    const indexed = { ...small, gsi1pk: { S: 'AREA#32.01#CASE' }, note: { S: 'x'.repeat(1500) } }
    expect(itemBytes(indexed)).toBeGreaterThan(1024)
    expect(transactionalItemUnits(indexed, definition)).toBe(2 * 2 * 2)
  })
})
