/**
 * `npm run bench`: every figure of the local platform beside the baseline measured in
 * the same run on the same machine (bare HTTP server, health, raw TransactWriteItems,
 * BatchWriteItem and BatchGetItem of DynamoDB Local), the ratio and the target, as one
 * table (never asserted in tests). `--json [file]` also writes it (default
 * `bench-result.json`) for comparison between commits. `VERVAL_BENCH_ROWS` and
 * `INTAKE_BENCH_COUNT`, `CASE_BENCH_WORKFLOWS` shrink the run while developing; `--verval-only [--memory] [--heap-at MiB]` runs the verval figures
 * alone (`verval-only.ts`). `--only start` measures `npm start` to healthy alone; `--only intake` measures the baselines intake is divided by (bare HTTP, health, raw
 * TransactWriteItems) and intake at 1, 8 and 32 in flight, nothing else. `--only page-weight`
 * weighs the pages, JSON answers and assets as sent before and as compressed now, with the
 * CPU of each compression (`page-weight.ts`, ADR 0059).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCAL_ARN_SCOPE, stateMachineArn } from '../infra/local/stepfunctions/arns'
import { createStoreBaselines } from './baselines'
import { benchCases, type CaseBench } from './case'
import { type Figure, machine, tableOf, writeJson } from './figures'
import { measure, type Measurement, sampleRss } from './measure'
import { benchPageWeight } from './page-weight'
import { startServerProcess } from './server-process'
import { benchStart, type StartBench } from './start'
import { benchVerval } from './verval'
import { benchVervalOnly } from './verval-only'

const MiB = 2 ** 20

/** Progress on stderr: a full run takes minutes on a loaded machine. */
const phase = (name: string) => console.error(`bench: ${name}…`)

const jsonPath = (): string | undefined => {
  const at = process.argv.indexOf('--json')
  if (at < 0) return undefined
  const next = process.argv[at + 1]
  return next && !next.startsWith('--') ? next : 'bench-result.json'
}

/** Health against bare HTTP, and intake at each concurrency against health and the raw transaction. */
const intakeFigures = (cases: CaseBench, bareHttp: Measurement, transact: Measurement): Figure[] => {
  const health = { name: 'GET /api/health p50, 1 client', value: cases.health.p50Ms }
  return [
    {
      name: 'GET /api/health p50, 1 client',
      value: cases.health.p50Ms,
      unit: 'ms',
      baseline: { name: 'bare HTTP p50', value: bareHttp.p50Ms },
    },
    ...cases.intake.flatMap(({ inFlight, measurement }): Figure[] => [
      {
        name: `intake p50, ${inFlight} in flight`,
        value: measurement.p50Ms,
        unit: 'ms',
        baseline: health,
        ...(inFlight === 1 ? { target: { atMost: 3 } } : {}),
      },
      {
        name: `intake p95, ${inFlight} in flight`,
        value: measurement.p95Ms,
        unit: 'ms',
        baseline: health,
        ...(inFlight === 1 ? { target: { atMost: 5 } } : {}),
      },
      { name: `intakes per second, ${inFlight} in flight`, value: measurement.perSecond, unit: '/s' },
    ]),
    {
      name: 'intake p50, 1 client',
      value: cases.intake[0]?.measurement.p50Ms ?? Number.NaN,
      unit: 'ms',
      baseline: { name: 'raw 5-item TransactWriteItems p50', value: transact.p50Ms },
    },
  ]
}

const printTable = (figures: readonly Figure[], note = '', extra: Record<string, unknown> = {}) => {
  const about = machine()
  console.log(
    `\n${about.cpus}, ${about.memoryGiB} GiB, load ${about.loadAverage.join(' ')}, node ${about.node}, ${about.at}`,
  )
  if (note) console.log(note)
  console.log(tableOf(figures))
  const path = jsonPath()
  if (path) {
    writeJson(path, figures, extra)
    console.log(`\nwritten to ${path}`)
  }
}

const PARTS = ['intake', 'start', 'page-weight'] as const
type Part = (typeof PARTS)[number]

const onlyPart = (): Part | undefined => {
  const at = process.argv.indexOf('--only')
  if (at < 0) return undefined
  const part = PARTS.find((name) => name === process.argv[at + 1])
  if (!part) throw new Error(`--only takes one part: ${PARTS.join(', ')}`)
  return part
}

/** Page weight on a platform of its own: sizes do not depend on the other parts' data. */
const pageWeightOnly = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-'))
  const platform = await startServerProcess(dataDir)
  const tokens = new Map<string, Promise<string>>()
  const token = (username: string): Promise<string> => {
    let known = tokens.get(username)
    if (!known) {
      known = fetch(`${platform.url}/api/dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      }).then(async (response) => ((await response.json()) as { token: string }).token)
      tokens.set(username, known)
    }
    return known
  }
  try {
    phase('page weight')
    const weight = await benchPageWeight(platform.url, token)
    console.log(`\n${weight.table}`)
    printTable(weight.figures, '', { answers: weight.answers })
  } finally {
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const startFigures = (start: StartBench): Figure[] => [
  {
    name: 'npm start to healthy, warm',
    value: start.warmMs,
    unit: 'ms',
    baseline: { name: 'bare node process to first answer', value: start.bareMs },
    target: { atMost: 2000, absolute: true },
  },
  {
    name: 'npm start, warm: CPU of node until healthy',
    value: start.warmNodeCpuMs,
    unit: 'ms',
    baseline: { name: 'CPU of its DynamoDB Local JVM until then', value: start.warmJavaCpuMs },
  },
  {
    name: 'npm start to healthy, fresh DATA_DIR',
    value: start.freshMs,
    unit: 'ms',
    baseline: { name: 'bare node process to first answer', value: start.bareMs },
  },
]

const main = async () => {
  if (process.argv.includes('--verval-only')) {
    const heapAt = process.argv.indexOf('--heap-at')
    return benchVervalOnly({
      memory: process.argv.includes('--memory'),
      baselines: !process.argv.includes('--no-baselines'),
      ...(heapAt > 0 ? { heapAtMiB: Number(process.argv[heapAt + 1]) } : {}),
    })
  }
  const only = onlyPart()
  if (only === 'page-weight') return pageWeightOnly()
  if (only === 'start') {
    phase('npm start to healthy')
    const start = await benchStart()
    printTable(
      startFigures(start),
      `warm starts: load average (1 min) ${start.warmLoads.join(' / ')} at each`,
    )
    return
  }
  const onlyIntake = only === 'intake'
  // Start first, on an idle platform: the figure a person sees after `npm start`.
  if (!onlyIntake) phase('npm start to healthy')
  const start = onlyIntake ? undefined : await benchStart()
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-'))
  const platform = await startServerProcess(dataDir)
  const rss = sampleRss(platform.rssBytes)
  // The bench reads execution histories with the handlers' own SFN client.
  Object.assign(process.env, {
    AWS_LOCAL_ENDPOINT: `${platform.url}/__aws`,
    VERVAL_STATE_MACHINE_ARN: stateMachineArn(LOCAL_ARN_SCOPE, 'tksk-verval'),
  })
  const bare = createServer((_req, res) => res.end('{"status":"ok"}'))
  await new Promise<void>((r) => bare.listen(0, r))
  const barePort = (bare.address() as { port: number }).port
  const store = await createStoreBaselines(platform.dynamodbEndpoint)
  try {
    const bareHttp = await measure(
      'bare node http server',
      async () => {
        await (await fetch(`http://127.0.0.1:${barePort}/`)).arrayBuffer()
      },
      { concurrency: 1 },
    )
    phase('raw TransactWriteItems')
    const transact = await store.transactWrite()
    phase('health and intake')
    const cases = await benchCases(platform.url, onlyIntake ? { workflows: 0 } : {})
    if (onlyIntake || !start) {
      const peakRssMiB = rss.stop() / MiB
      printTable(intakeFigures(cases, bareHttp, transact), `server peak RSS ${peakRssMiB.toFixed(0)} MiB`)
      return
    }
    const rows = Number(process.env.VERVAL_BENCH_ROWS ?? 20_000)
    // The machine's load moves DynamoDB Local's speed: BatchWriteItem before and after verval, averaged.
    const writeBefore = await store.batchWrite(rows)
    phase(`verval, ${rows} rows`)
    const verval = await benchVerval(platform.url)
    const writeAfter = await store.batchWrite(rows)
    const batchGet = await store.batchGet(rows)
    const batchWrite = (writeBefore + writeAfter) / 2
    const peakRssMiB = rss.stop() / MiB
    const rawWrite = { name: 'raw BatchWriteItem', value: batchWrite }

    const figures: Figure[] = [
      ...intakeFigures(cases, bareHttp, transact),
      { name: 'completed case workflows per second', value: cases.workflowsPerSecond, unit: '/s' },
      {
        name: `verval upload, ${rows} rows`,
        value: rows / verval.seconds.upload,
        unit: 'items/s',
        baseline: rawWrite,
      },
      {
        name: `verval validation, ${rows} rows`,
        value: verval.seconds.validation,
        unit: 's',
        target: { atMost: 10, absolute: true },
      },
      {
        name: 'verval validation (rows read and written)',
        value: rows / verval.seconds.validation,
        unit: 'items/s',
        baseline: { name: 'raw BatchGetItem', value: batchGet },
      },
      {
        name: 'verval apply (records, audit entries, lookups)',
        value: verval.appliedItems / verval.seconds.apply,
        unit: 'items/s',
        baseline: rawWrite,
        target: { atLeast: 0.8 },
      },
      { name: 'server peak RSS', value: peakRssMiB, unit: 'MiB', target: { atMost: 512, absolute: true } },
      ...startFigures(start),
    ]
    printTable(
      figures,
      `raw BatchWriteItem before/after verval: ${writeBefore.toFixed(0)}/${writeAfter.toFixed(0)} items/s; ` +
        `longest verval step ${verval.longest.name} ${verval.longest.seconds.toFixed(1)} s (Lambda's limit: 900 s)\n`,
      { verval, rawBatchWrite: [writeBefore, writeAfter] },
    )
  } finally {
    bare.close()
    await store.dispose()
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
