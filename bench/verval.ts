/**
 * Verval figures for `npm run bench` (issues 7 and 20): a 20,000-row CSV batch of new
 * families uploaded by the TKSK of Leuwiliang, validated, approved by Dinsos and applied
 * to the KPM registry; the seconds of each phase, the items apply wrote, and the server's
 * peak RSS. `run.ts` divides them by the raw store baselines of the same run.
 */
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

/**
 * What apply writes for a family new to the registry (ADR 0019): the record, its audit
 * entry, and the two lookups (NIK, KK). Every bench row is one.
 */
const ITEMS_PER_NEW_KPM = 4

export interface VervalBench {
  rows: number
  seconds: { upload: number; validation: number; apply: number }
  /** Items apply wrote (records, audit entries, lookups). */
  appliedItems: number
  longest: { name: string; seconds: number }
  /** When each phase ended (epoch ms), to line the server's memory samples up with them. */
  at: { start: number; uploaded: number; validated: number; applied: number }
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

export const benchVerval = async (baseUrl: string): Promise<VervalBench> => {
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
  // A poll answered 5xx (the read's function timed out on a machine at load 40) is asked
  // again: the bench measures the batch, not one status read.
  const statusOf = async (batchId: string): Promise<string | undefined> => {
    const response = await fetch(`${baseUrl}/api/verval/${batchId}`, { headers: { authorization: dinsos } })
    if (response.status >= 500) {
      console.error(`bench: a status read of ${batchId} answered ${response.status}; asking again`)
      return undefined
    }
    return ((await response.json()) as { status: string; errorCount: number }).status
  }
  const waitFor = async (batchId: string, wanted: string, timeoutMs = 30 * 60_000) => {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const status = await statusOf(batchId)
      if (status === wanted) return
      const passing = status === undefined || ['VALIDATING', 'AWAITING_APPROVAL', 'APPLYING'].includes(status)
      if (!passing || performance.now() > deadline)
        throw new Error(`verval batch ${batchId} is ${status}, not ${wanted}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  const csv = csvOf(ROWS)
  const period = new Date(nowMs() + 7 * 3600_000).toISOString().slice(0, 7)
  const start = Date.now()
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
  const uploadedAt = Date.now()
  await waitFor(batchId, 'AWAITING_APPROVAL')
  const t2 = performance.now()
  const validatedAt = Date.now()
  const decided = await fetch(`${baseUrl}/api/verval/${batchId}/decision`, {
    method: 'POST',
    headers: { authorization: dinsos, 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'APPROVE' }),
  })
  if (decided.status !== 200) throw new Error(`verval decision answered ${decided.status}`)
  await waitFor(batchId, 'APPLIED')
  const t3 = performance.now()
  const appliedAt = Date.now()
  const longest = await longestStep(batchId)
  return {
    rows: ROWS,
    seconds: { upload: (t1 - t0) / 1000, validation: (t2 - t1) / 1000, apply: (t3 - t2) / 1000 },
    appliedItems: ROWS * ITEMS_PER_NEW_KPM,
    longest,
    at: { start, uploaded: uploadedAt, validated: validatedAt, applied: appliedAt },
  }
}
