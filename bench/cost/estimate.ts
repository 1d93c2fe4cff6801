/**
 * The arithmetic of `npm run cost`: usage measured per case and per verval row, times
 * the monthly volume of a scenario, times the list prices of `bench/prices-ap-southeast-3.json`.
 * Pure (no I/O), so the unit test checks the money, not the platform.
 */
import type { Usage } from './meter'

export interface Price {
  usd: number
  per: string
  source: string
  basis: string
}

export interface PriceFile {
  region: string
  currency: 'USD'
  checkedOn: string
  prices: Record<
    | 'dynamodbWriteRequestUnit'
    | 'dynamodbReadRequestUnit'
    | 'stepFunctionsStateTransition'
    | 'lambdaRequest'
    | 'lambdaGbSecondArm'
    | 'sesEmail'
    | 's3PutRequest'
    | 's3GetRequest',
    Price
  >
}

export interface Scenario {
  name: string
  casesPerMonth: number
  vervalRowsPerMonth: number
}

export interface LineItem {
  service: string
  quantity: number
  unit: string
  usd: number
}

/** Usage divided by how many cases or rows caused it. */
export const perUnit = (usage: Usage, count: number): Usage =>
  Object.fromEntries(
    Object.entries(usage).map(([key, value]) => [key, count > 0 ? value / count : 0]),
  ) as unknown as Usage

export const scaled = (usage: Usage, factor: number): Usage => perUnit(usage, 1 / factor)

const sum = (a: Usage, b: Usage): Usage =>
  Object.fromEntries(
    Object.entries(a).map(([key, value]) => [key, value + b[key as keyof Usage]]),
  ) as unknown as Usage

/** What a usage costs, one line per billed dimension. */
export const lineItems = (usage: Usage, prices: PriceFile['prices'], memoryMb: number): LineItem[] => {
  const gbSeconds = (usage.lambdaMs / 1000) * (memoryMb / 1024)
  const line = (service: string, quantity: number, unit: string, price: Price): LineItem => ({
    service,
    quantity,
    unit,
    usd: quantity * price.usd,
  })
  return [
    line('DynamoDB writes', usage.writeUnits, 'WRU', prices.dynamodbWriteRequestUnit),
    line('DynamoDB reads', usage.readUnits, 'RRU', prices.dynamodbReadRequestUnit),
    line('Step Functions', usage.stateTransitions, 'transitions', prices.stepFunctionsStateTransition),
    line('Lambda requests', usage.lambdaInvocations, 'invocations', prices.lambdaRequest),
    line('Lambda duration', gbSeconds, 'GB-s', prices.lambdaGbSecondArm),
    line('SES', usage.emails, 'emails', prices.sesEmail),
    line('S3 PUT-class', usage.s3PutRequests, 'requests', prices.s3PutRequest),
    line('S3 GET-class', usage.s3GetRequests, 'requests', prices.s3GetRequest),
  ]
}

export interface Estimate {
  scenario: Scenario
  usage: Usage
  lines: LineItem[]
  totalUsd: number
}

export const estimate = (
  scenario: Scenario,
  perCase: Usage,
  perRow: Usage,
  prices: PriceFile['prices'],
  memoryMb: number,
): Estimate => {
  const usage = sum(scaled(perCase, scenario.casesPerMonth), scaled(perRow, scenario.vervalRowsPerMonth))
  const lines = lineItems(usage, prices, memoryMb)
  return { scenario, usage, lines, totalUsd: lines.reduce((total, l) => total + l.usd, 0) }
}

/** The two months issue 17 asks for; verval rows are the KPM changed in a month (5 %). */
export const CHANGED_SHARE = 0.05
export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'one kabupaten (40 kecamatan, 40 TKSK x 50 cases, 100,000 KPM)',
    casesPerMonth: 40 * 50,
    vervalRowsPerMonth: 100_000 * CHANGED_SHARE,
  },
  {
    name: 'national (7,277 kecamatan x 50 cases, 18.8 M BPNT + 10 M PKH KPM)',
    casesPerMonth: 7_277 * 50,
    vervalRowsPerMonth: (18_800_000 + 10_000_000) * CHANGED_SHARE,
  },
]
