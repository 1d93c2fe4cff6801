/**
 * The clients of the load bench (issue 17 item 7): each runs a loop of mixed requests
 * (intake, status lookup, Dinsos case list, a TKSK decision through its mailed link) and
 * records every answer's status and latency per kind. A request the server never answered
 * (a connection refused or reset while it is down) is counted apart from the 5xx.
 */
import { percentile } from '../measure'
import { decideByLink, type Filed, fileCase, KECAMATAN, statusOf, type Target } from './http'

export const KINDS = ['intake', 'status', 'staff list', 'link decision'] as const
export type Kind = (typeof KINDS)[number]

export class Tally {
  readonly latencies = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]))
  readonly statuses = new Map<number, number>()
  fiveXx = 0
  unanswered = 0

  /** Times `call` (which answers an HTTP status) as `kind`; undefined when it got no answer. */
  async time(kind: Kind, call: () => Promise<number>): Promise<number | undefined> {
    const started = performance.now()
    try {
      const status = await call()
      this.latencies.get(kind)?.push(performance.now() - started)
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
      if (status >= 500) this.fiveXx += 1
      return status
    } catch {
      this.unanswered += 1
      return undefined
    }
  }

  get answered(): number {
    return [...this.latencies.values()].reduce((sum, list) => sum + list.length, 0)
  }

  /** p50/p95/p99 in ms of one kind, or of every kind together. */
  percentiles(kind?: Kind): { p50: number; p95: number; p99: number; count: number } {
    const all = [...(kind ? (this.latencies.get(kind) ?? []) : [...this.latencies.values()].flat())].sort(
      (a, b) => a - b,
    )
    return { p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), count: all.length }
  }
}

export interface Pools {
  /** Cases this run filed, for status lookups. */
  filed: Filed[]
  /** Mailed assessment links still to decide (taken from the end). */
  links: string[]
  /** The next applicant serial of the mixed intakes. */
  serial: { next: number }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One mixed request of `kind`; a kind without material (no link left) lists instead. */
const request = async (target: Target, kind: Kind, pools: Pools, dinsosToken: string, tally: Tally) => {
  if (kind === 'intake' || (kind === 'status' && pools.filed.length === 0)) {
    const serial = (pools.serial.next += 1)
    return tally.time('intake', async () => {
      const { status, filed } = await fileCase(target, serial, KECAMATAN.leuwiliang)
      if (filed) pools.filed.push(filed)
      return status
    })
  }
  if (kind === 'status') {
    const filed = pools.filed[Math.floor(Math.random() * pools.filed.length)]
    if (filed) return tally.time('status', async () => (await statusOf(target, filed)).status)
  }
  const link = kind === 'link decision' ? pools.links.pop() : undefined
  if (link) {
    const status = await tally.time('link decision', () => decideByLink(target, link))
    // Never answered (the server was down): the person opens the link again later.
    if (status === undefined) pools.links.unshift(link)
    return status
  }
  return tally.time('staff list', async () => {
    const response = await fetch(`${target.url}/api/cases?area=${KECAMATAN.leuwiliang.area}&limit=20`, {
      headers: { authorization: `Bearer ${dinsosToken}` },
    })
    await response.arrayBuffer()
    return response.status
  })
}

/** `clients` loops of mixed requests until `until()` says stop; each client starts at another kind. */
export const runClients = async (options: {
  target: Target
  clients: number
  until: () => boolean
  pools: Pools
  dinsosToken: () => string
  tally: Tally
  kinds?: readonly Kind[]
}): Promise<void> => {
  const kinds = options.kinds ?? KINDS
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = client; !options.until(); n += 1) {
        const kind = kinds[n % kinds.length] ?? 'intake'
        const status = await request(
          options.target,
          kind,
          options.pools,
          options.dinsosToken(),
          options.tally,
        )
        // Down (a kill): wait a little rather than spin on refused connections.
        if (status === undefined) await pause(200)
      }
    }),
  )
}
