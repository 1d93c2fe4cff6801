/**
 * `npm run bench:load` (issue 17 item 7, ADR 0040): load and faults on one machine, the
 * platform as its own process. Figures only, never asserted; the lead runs the full size
 * on a quiet machine, and a short run checks the bench itself:
 *   LOAD_CLIENTS=10 LOAD_SECONDS=10 LOAD_PARKED=100 npm run bench:load
 *
 * 1. LOAD_PARKED cases (1,000) filed and parked on their assessment task: the server's RSS,
 *    then a clean restart's time to ready with them all to resume.
 * 2. LOAD_CLIENTS clients (50) for LOAD_SECONDS (60) of mixed traffic — intake, status
 *    lookup, Dinsos list, TKSK decisions through the mailed links (half the parked cases):
 *    count of 5xx, p50/p95/p99 per kind.
 * 3. The same clients decide the other half while filing more; a SIGKILL a third of the
 *    way, a restart on the same DATA_DIR, the clients go on (a link never answered is
 *    opened again). Then every parked case must close exactly once: one CASE_CLOSED, no
 *    audit action and no mail twice.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Figure, machine, tableOf } from '../figures'
import { startServerProcess, type ServerProcess } from '../server-process'
import { type Target, tokenOf } from './http'
import { checkExactlyOnce, parkCases } from './parked'
import { KINDS, type Pools, runClients, Tally } from './traffic'

const MiB = 2 ** 20
const setting = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}
const phase = (name: string) => console.error(`bench:load: ${name}…`)

/** The platform may not rate-limit the bench's one IP and one Dinsos user: it would measure itself. */
const SERVER_ENV = { RATE_LIMIT_PER_MINUTE: '0', STAFF_RATE_LIMIT_PER_MINUTE: '0' }

const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> => {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

const latencyFigures = (label: string, tally: Tally): Figure[] =>
  [undefined, ...KINDS].flatMap((kind) => {
    const { p50, p95, p99, count } = tally.percentiles(kind)
    if (count === 0) return []
    const name = `${label}, ${kind ?? 'all requests'} (${count})`
    return [
      { name: `${name} p50`, value: p50, unit: 'ms' },
      { name: `${name} p95`, value: p95, unit: 'ms' },
      { name: `${name} p99`, value: p99, unit: 'ms' },
    ]
  })

const main = async () => {
  const clients = setting('LOAD_CLIENTS', 50)
  const seconds = setting('LOAD_SECONDS', 60)
  const parkedCount = setting('LOAD_PARKED', 1000)
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-load-'))
  let server: ServerProcess = await startServerProcess(dataDir, SERVER_ENV)
  const target: Target = { url: server.url }
  // Ctrl-C: the server (and its DynamoDB Local) stop with the bench, not left behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void server.stop().finally(() => process.exit(130))
    })
  try {
    phase(`parking ${parkedCount} cases on their assessment task`)
    const { parked, fiveXx: parkingFiveXx } = await parkCases(target, parkedCount)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const parkedRss = server.rssBytes()

    phase('clean restart with the parked cases')
    await server.stop()
    const restart = await timed(() => startServerProcess(dataDir, SERVER_ENV))
    server = restart.result
    target.url = server.url

    phase(`${clients} clients × ${seconds} s of mixed traffic`)
    let dinsos = await tokenOf(target, 'dinsos.bogor')
    const half = Math.floor(parked.length / 2)
    const pools: Pools = {
      filed: [],
      links: parked.slice(0, half).map((one) => one.link),
      serial: { next: 0 },
    }
    const mixed = new Tally()
    let peakRss = server.rssBytes()
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssBytes())), 250)
    const mixedEnd = Date.now() + seconds * 1000
    const mixedRun = await timed(() =>
      runClients({
        target,
        clients,
        until: () => Date.now() > mixedEnd,
        pools,
        dinsosToken: () => dinsos,
        tally: mixed,
      }),
    )
    clearInterval(sampler)

    phase('SIGKILL while the clients decide the other parked cases')
    pools.links.push(...parked.slice(half).map((one) => one.link))
    const toDecide = pools.links.length
    const underKill = new Tally()
    let killed = false
    let restartAfterKillMs = 0
    const killer = (async () => {
      while (pools.links.length > toDecide * (2 / 3)) await new Promise((r) => setTimeout(r, 20))
      await server.kill()
      killed = true
      const again = await timed(() => startServerProcess(dataDir, SERVER_ENV))
      restartAfterKillMs = again.ms
      server = again.result
      target.url = server.url
      dinsos = await tokenOf(target, 'dinsos.bogor')
    })()
    await runClients({
      target,
      clients,
      // Until the kill has happened and every parked link is decided.
      until: () => killed && restartAfterKillMs > 0 && pools.links.length === 0,
      pools,
      dinsosToken: () => dinsos,
      tally: underKill,
      kinds: ['link decision', 'intake', 'link decision', 'status'],
    })
    await killer

    phase('every parked case to its end, exactly once')
    const once = await timed(() => checkExactlyOnce(target, parked))

    const figures: Figure[] = [
      {
        name: `mixed traffic: requests answered (${clients} clients, ${seconds} s)`,
        value: mixed.answered,
        unit: '',
      },
      {
        name: 'mixed traffic: requests per second',
        value: mixed.answered / (mixedRun.ms / 1000),
        unit: '/s',
      },
      {
        name: 'mixed traffic: 5xx answers',
        value: mixed.fiveXx,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      {
        name: 'mixed traffic: requests never answered',
        value: mixed.unanswered,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      ...latencyFigures('mixed', mixed),
      { name: 'server peak RSS under mixed traffic', value: peakRss / MiB, unit: 'MiB' },
      { name: `server RSS, ${parked.length} cases parked on tasks`, value: parkedRss / MiB, unit: 'MiB' },
      {
        name: 'parking: intakes answered 5xx (sent again with their Idempotency-Key)',
        value: parkingFiveXx,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      { name: `restart to ready, ${parked.length} parked executions`, value: restart.ms, unit: 'ms' },
      { name: 'restart to ready after SIGKILL under load', value: restartAfterKillMs, unit: 'ms' },
      {
        name: 'under the kill: 5xx answers',
        value: underKill.fiveXx,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      {
        name: 'under the kill: attempts refused while the server was down',
        value: underKill.unanswered,
        unit: '',
      },
      { name: `parked cases closed (of ${parked.length})`, value: once.result.closed, unit: '' },
      {
        name: 'parked cases without exactly one CASE_CLOSED',
        value: once.result.closedOtherThanOnce.length,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      {
        name: 'audit changes written twice on a parked case',
        value: once.result.duplicateAuditEntries.length,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
      {
        name: 'mails about a parked case sent twice',
        value: once.result.duplicateMails.length,
        unit: '',
        target: { atMost: 0, absolute: true },
      },
    ]
    const about = machine()
    console.log(
      `\n${about.cpus}, ${about.memoryGiB} GiB, load ${about.loadAverage.join(' ')}, node ${about.node}, ${about.at}`,
    )
    const answers = new Map(mixed.statuses)
    for (const [status, n] of underKill.statuses) answers.set(status, (answers.get(status) ?? 0) + n)
    const statuses = [...answers]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ')
    console.log(`answer statuses (both phases): ${statuses}\n`)
    console.log(tableOf(figures))
    for (const problem of [
      ...once.result.notClosed.map((reference) => `not closed: ${reference}`),
      ...once.result.closedOtherThanOnce.map((reference) => `CASE_CLOSED other than once: ${reference}`),
      ...once.result.duplicateAuditEntries,
      ...once.result.duplicateMails,
    ].slice(0, 20))
      console.log(`- ${problem}`)
  } finally {
    await server.stop().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
