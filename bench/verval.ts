/**
 * Verval figures for `npm run bench` (issue 7): a 20,000-row CSV batch uploaded by the
 * TKSK of Leuwiliang, validated, approved by Dinsos and applied to the KPM registry;
 * rows per second for each phase against the raw DynamoDB Local `BatchWriteItem`
 * throughput of as many items of similar size written in the same run to a scratch
 * table, and the peak RSS of the process (platform and bench run in one).
 */
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn'
import { VERVAL_COLUMNS } from '../functions/core/verval/columns'
import { nowMs } from '../functions/shared/clock'
import { sfn } from '../functions/shared/clients'
import { env } from '../functions/shared/env'

const ROWS = Number(process.env.VERVAL_BENCH_ROWS ?? 20_000)
const pad = (value: number, width: number) => String(value).padStart(width, '0')

/**
 * The n-th family (0-based): NIK `320114` + DDMMYY + serial ≠ 0000, birth dates over
 * 28 days × 12 months × 40 years so 20,000 NIKs and KKs are distinct; a real desa of
 * Leuwiliang; PBI (no KKS needed).
 */
const rowOf = (n: number): Record<string, string> => {
  const dates = 28 * 12 * 40
  const day = 1 + (n % 28)
  const month = 1 + (Math.floor(n / 28) % 12)
  const year = 60 + (Math.floor(n / (28 * 12)) % 40)
  const serial = 1 + Math.floor(n / dates)
  const issued = 10 + (Math.floor(n / (28 * 12)) % 40)
  return {
    nik: `320114${pad(day, 2)}${pad(month, 2)}${pad(year, 2)}${pad(serial, 4)}`,
    no_kk: `320114${pad(day, 2)}${pad(month, 2)}${pad(issued, 2)}${pad(serial, 4)}`,
    nama: `Keluarga Uji ${n + 1}`,
    alamat: `Kp. Cibeber RT ${pad(n % 20, 2)}/${pad(n % 7, 2)}`,
    kode_desa: `32.01.14.${2001 + (n % 10)}`,
    aksi: 'BARU',
    alasan: '',
    no_kks: '',
  }
}

const csvOf = (count: number): string => {
  const lines = [VERVAL_COLUMNS.join(',')]
  for (let n = 0; n < count; n++) {
    const row = rowOf(n)
    lines.push(VERVAL_COLUMNS.map((column) => row[column] ?? '').join(','))
  }
  return `${lines.join('\n')}\n`
}

/** Samples the server's RSS every 100 ms; `stop` returns the peak. */
const sampleRss = (rssBytes: () => number) => {
  let peak = rssBytes()
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes())
  }, 100)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, rssBytes())
    },
  }
}

/** Raw throughput: the same number of items, of the size of a registry record, by BatchWriteItem (25 per call, 4 in flight, as `putAll`). */
const rawBatchWrite = async (dynamodbEndpoint: string, count: number): Promise<number> => {
  const raw = new DynamoDBClient({
    region: 'ap-southeast-3',
    endpoint: dynamodbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  const client = DynamoDBDocumentClient.from(raw)
  const table = `bench-scratch-${Date.now().toString(36)}`
  await raw.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  )
  try {
    const itemOf = (n: number) => {
      const row = rowOf(n)
      return {
        pk: 'KPM#PBI#32.01.14',
        sk: `a3f1c0${pad(n, 58)}`,
        nik: `${row.nik?.slice(0, 6)}**********`,
        noKk: `${row.no_kk?.slice(0, 6)}**********`,
        nama: row.nama,
        alamat: row.alamat,
        kodeDesa: row.kode_desa,
        status: 'ACTIVE',
        lastBatchId: '01JBENCHBATCH0000000000000',
        updatedAt: new Date().toISOString(),
        history: [{ batchId: '01JBENCHBATCH0000000000000', period: '2026-01', aksi: 'BARU', at: 'x' }],
      }
    }
    const started = performance.now()
    let next = 0
    const worker = async () => {
      while (next < count) {
        const from = next
        next = Math.min(count, next + 25)
        let pending = Array.from({ length: next - from }, (_, i) => ({
          PutRequest: { Item: itemOf(from + i) },
        }))
        while (pending.length > 0) {
          const { UnprocessedItems } = await client.send(
            new BatchWriteCommand({ RequestItems: { [table]: pending } }),
          )
          pending = (UnprocessedItems?.[table] ?? []) as typeof pending
        }
      }
    }
    await Promise.all(Array.from({ length: 4 }, worker))
    return count / ((performance.now() - started) / 1000)
  } finally {
    await raw.send(new DeleteTableCommand({ TableName: table }))
    raw.destroy()
  }
}

export interface VervalBench {
  rows: number
  rawPerSecond: number
  /** The slower and faster of the two raw runs. */
  rawRange: [number, number]
  uploadPerSecond: number
  validationPerSecond: number
  applyPerSecond: number
  seconds: { upload: number; validation: number; apply: number }
  peakRssMiB: number
  longest: { name: string; seconds: number }
}

/**
 * The longest step invocation of the batch's execution (retries included), from its
 * history: a top-level Task from entered to exited, a Map iteration from started to
 * succeeded. Lambda's limit is 15 minutes.
 */
const longestStep = async (batchId: string): Promise<{ name: string; seconds: number }> => {
  const executionArn = `${env.stateMachineArn('verval').replace(':stateMachine:', ':execution:')}:${batchId}`
  const events: HistoryEvent[] = []
  let nextToken: string | undefined
  do {
    const page = await sfn().send(
      new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }),
    )
    events.push(...(page.events ?? []))
    nextToken = page.nextToken
  } while (nextToken)
  const open = new Map<string, number>()
  let longest = { name: '', seconds: 0 }
  for (const event of events) {
    const at = event.timestamp?.getTime() ?? 0
    const iteration = event.mapIterationStartedEventDetails ?? event.mapIterationSucceededEventDetails
    const key = iteration
      ? `${iteration.name}[${iteration.index}]`
      : event.type?.startsWith('Task')
        ? (event.stateEnteredEventDetails?.name ?? event.stateExitedEventDetails?.name)
        : undefined
    if (!key) continue
    if (event.type === 'MapIterationStarted' || event.type === 'TaskStateEntered') open.set(key, at)
    else if (event.type === 'MapIterationSucceeded' || event.type === 'TaskStateExited') {
      const seconds = (at - (open.get(key) ?? at)) / 1000
      if (seconds > longest.seconds) longest = { name: key, seconds }
    }
  }
  return longest
}

export const benchVerval = async (
  baseUrl: string,
  dynamodbEndpoint: string,
  serverRssBytes: () => number,
): Promise<VervalBench> => {
  const rss = sampleRss(serverRssBytes)
  const login = async (username: string) => {
    const response = await fetch(`${baseUrl}/api/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username }),
    })
    return `Bearer ${((await response.json()) as { token: string }).token}`
  }
  const tksk = await login('tksk.leuwiliang')
  const dinsos = await login('dinsos.bogor')
  const statusOf = async (batchId: string) => {
    const response = await fetch(`${baseUrl}/api/verval/${batchId}`, { headers: { authorization: dinsos } })
    return ((await response.json()) as { status: string; errorCount: number }).status
  }
  const waitFor = async (batchId: string, wanted: string, timeoutMs = 30 * 60_000) => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const status = await statusOf(batchId)
      if (status === wanted) return
      if (!['VALIDATING', 'AWAITING_APPROVAL', 'APPLYING'].includes(status) || performance.now() > deadline)
        throw new Error(`verval batch ${batchId} is ${status}, not ${wanted}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  // The machine's load moves DynamoDB Local's speed: raw is measured before and after, and averaged.
  const rawBefore = await rawBatchWrite(dynamodbEndpoint, ROWS)
  const csv = csvOf(ROWS)
  const period = new Date(nowMs() + 7 * 3600_000).toISOString().slice(0, 7)
  const t0 = performance.now()
  const uploaded = await fetch(`${baseUrl}/api/verval?program=PBI&period=${period}`, {
    method: 'POST',
    headers: { authorization: tksk, 'content-type': 'text/csv' },
    body: csv,
  })
  if (uploaded.status !== 202)
    throw new Error(`verval upload answered ${uploaded.status}: ${await uploaded.text()}`)
  const { batchId } = (await uploaded.json()) as { batchId: string }
  const t1 = performance.now()
  await waitFor(batchId, 'AWAITING_APPROVAL')
  const t2 = performance.now()
  const decided = await fetch(`${baseUrl}/api/verval/${batchId}/decision`, {
    method: 'POST',
    headers: { authorization: dinsos, 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'APPROVE' }),
  })
  if (decided.status !== 200) throw new Error(`verval decision answered ${decided.status}`)
  await waitFor(batchId, 'APPLIED')
  const t3 = performance.now()
  const peakRssMiB = rss.stop() / 2 ** 20
  const longest = await longestStep(batchId)
  const rawAfter = await rawBatchWrite(dynamodbEndpoint, ROWS)
  const rawPerSecond = (rawBefore + rawAfter) / 2
  const seconds = { upload: (t1 - t0) / 1000, validation: (t2 - t1) / 1000, apply: (t3 - t2) / 1000 }
  return {
    rows: ROWS,
    rawPerSecond,
    rawRange: [Math.min(rawBefore, rawAfter), Math.max(rawBefore, rawAfter)],
    uploadPerSecond: ROWS / seconds.upload,
    validationPerSecond: ROWS / seconds.validation,
    applyPerSecond: ROWS / seconds.apply,
    seconds,
    peakRssMiB,
    longest,
  }
}

/** Prints the figures in the shape of `measure.ts`'s report: rows per second and the ratio to raw. */
export const reportVerval = (bench: VervalBench): void => {
  const row = (name: string, perSecond: number, seconds?: number) =>
    `${name.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} rows/s${
      seconds === undefined ? '         ' : `  ${seconds.toFixed(1).padStart(6)} s`
    }  ratio ${(perSecond / bench.rawPerSecond).toFixed(2)}`
  console.log(`\nverval: ${bench.rows} rows (baseline: raw BatchWriteItem of as many items, same run)`)
  console.log(
    `${row('baseline: raw DynamoDB Local BatchWriteItem', bench.rawPerSecond)}  (before/after: ${bench.rawRange
      .map((r) => r.toFixed(0))
      .join('–')} rows/s)`,
  )
  console.log(row('upload (POST /api/verval → 202)', bench.uploadPerSecond, bench.seconds.upload))
  console.log(row('validation (→ AWAITING_APPROVAL)', bench.validationPerSecond, bench.seconds.validation))
  console.log(row('apply (approve → APPLIED; target ratio ≥ 0.5)', bench.applyPerSecond, bench.seconds.apply))
  console.log(`peak rss ${bench.peakRssMiB.toFixed(0)} MiB (the server process; target < 512)`)
  console.log(
    `longest step invocation ${bench.longest.name} ${bench.longest.seconds.toFixed(1)} s (Lambda's limit: 900 s)`,
  )
}
