/**
 * `npm run cost`: a miniature month on the local platform (in this process, so every
 * SDK call and invocation is metered), the usage per case and per verval row it
 * measured, and what a kabupaten's month and the national month cost at the list prices
 * of `bench/prices-ap-southeast-3.json`. `COST_VERVAL_ROWS` sets the rows per batch
 * (default 300). Figures, not assertions: nothing here is a test. DynamoDB units are
 * what DynamoDB Local reports, except transactions, which it misreports and
 * `transaction-units.ts` computes (ADR 0029).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { functionMemoryMb } from '../../infra/stacks/function-timeouts'
import { estimate, type Estimate, perUnit, type PriceFile, SCENARIOS } from './estimate'
import { startMeter, type Usage, usageMinus } from './meter'
import { createMonthDriver } from './month'
import { stateTransitionsByMachine } from './transitions'

const prices = JSON.parse(
  readFileSync(new URL('../prices-ap-southeast-3.json', import.meta.url), 'utf8'),
) as PriceFile

const fixed = (value: number, digits = 2) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

const usageLines = (label: string, usage: Usage): string[] => [
  `${label}:`,
  `  DynamoDB ${fixed(usage.writeUnits)} WRU, ${fixed(usage.readUnits)} RRU` +
    (usage.unmeteredCalls ? ` (${fixed(usage.unmeteredCalls)} calls unmetered)` : ''),
  `  Step Functions ${fixed(usage.stateTransitions)} state transitions`,
  `  Lambda ${fixed(usage.lambdaInvocations)} invocations, ${fixed(usage.lambdaMs, 0)} ms ` +
    `(x ${functionMemoryMb} MB = ${fixed((usage.lambdaMs / 1000) * (functionMemoryMb / 1024), 3)} GB-s)`,
  `  SES ${fixed(usage.emails)} emails; S3 ${fixed(usage.s3PutRequests)} PUT-class, ${fixed(usage.s3GetRequests)} GET-class`,
]

const estimateLines = (result: Estimate): string[] => [
  `\n${result.scenario.name}: ${result.scenario.casesPerMonth.toLocaleString('en-US')} cases, ` +
    `${result.scenario.vervalRowsPerMonth.toLocaleString('en-US')} verval rows a month`,
  ...result.lines.map(
    (l) =>
      `  ${l.service.padEnd(16)} ${fixed(l.quantity, 0).padStart(16)} ${l.unit.padEnd(12)} USD ${fixed(l.usd).padStart(10)}`,
  ),
  `  ${'total'.padEnd(46)} USD ${fixed(result.totalUsd).padStart(10)}`,
]

const main = async () => {
  const rowsPerBatch = Number(process.env.COST_VERVAL_ROWS ?? 300)
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-cost-'))
  process.env.LOG_LEVEL ??= 'WARN'
  const meter = startMeter()
  // Loaded after the meter's module graph, whose invocation scope (a top-level await) must
  // exist before any Powertools module is evaluated, as `npm start` loads it.
  const { startLocalPlatform } = await import('../../infra/local/server')
  const platform = await startLocalPlatform({
    port: 0,
    dataDir,
    decorateClients: meter.decorate,
  })
  try {
    const driver = createMonthDriver(platform.url, () => platform.stepFunctions.idle())
    const beforeCases = meter.snapshot().total
    let cases = 0
    const paths: string[] = []
    for (const [path, run] of Object.entries(driver.casePaths)) {
      console.error(`cost: case path ${path}…`)
      cases += await run()
      paths.push(path)
    }
    await platform.stepFunctions.idle()
    const caseUsage = usageMinus(meter.snapshot().total, beforeCases)
    console.error(`cost: verval, ${rowsPerBatch} rows per program…`)
    const beforeVerval = meter.snapshot().total
    const rows = await driver.vervalBatches(rowsPerBatch)
    await platform.stepFunctions.idle()
    const vervalUsage = usageMinus(meter.snapshot().total, beforeVerval)
    const transitions = await stateTransitionsByMachine(`${platform.url}/__aws`)
    caseUsage.stateTransitions = transitions['tksk-case'] ?? 0
    vervalUsage.stateTransitions = transitions['tksk-verval'] ?? 0

    const perCase = perUnit(caseUsage, cases)
    const perRow = perUnit(vervalUsage, rows)
    const out = [
      `miniature month: ${cases} cases (${paths.join(', ')}), ${rows} verval rows in ${rows / rowsPerBatch} batches`,
      `prices: ${prices.region}, checked ${prices.checkedOn} (bench/prices-ap-southeast-3.json); memory ${functionMemoryMb} MB; ` +
        `Lambda durations are this machine's wall clock`,
      ...usageLines('per case', perCase),
      ...usageLines('per verval row', perRow),
      ...SCENARIOS.flatMap((scenario) =>
        estimateLines(estimate(scenario, perCase, perRow, prices.prices, functionMemoryMb)),
      ),
      '\nper function over the run (invocations, ms, WRU, RRU):',
      ...Object.entries(meter.snapshot().byFunction).map(
        ([name, u]) =>
          `  ${name.padEnd(18)} ${String(u.lambdaInvocations).padStart(6)} ${fixed(u.lambdaMs, 0).padStart(9)} ` +
          `${fixed(u.writeUnits, 1).padStart(9)} ${fixed(u.readUnits, 1).padStart(9)}`,
      ),
    ]
    console.log(out.join('\n'))
  } finally {
    meter.stop()
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
