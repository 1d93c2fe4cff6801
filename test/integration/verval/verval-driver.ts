/**
 * Drives verval the way TKSK and Dinsos do: a TKSK uploads a sheet, the batch is
 * validated by the workflow, the Dinsos decides from the mailed link (or the API).
 */
import { expect } from 'vitest'
import { VERVAL_COLUMNS, type VervalColumn } from '../../../functions/core/verval/columns'
import { nowMs } from '../../../functions/shared/clock'
import { advanceClockTo } from '../../support/advance-clock'
import { createTokenCache } from '../../support/platform'
import { pollFor } from '../../support/poll'

/** A sheet row: NIK and KK always, any other column of the template (ADR 0034's chain columns too). */
export type SheetRow = { nik: string; no_kk: string } & Partial<Record<VervalColumn, string>>

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** The n-th family of a kecamatan (compact code), with a NIK, KK and KKS that pass every structural check. */
export const family = (n: number, compact = '320114', overrides: Partial<SheetRow> = {}): SheetRow => ({
  nik: `${compact}${pad(1 + (n % 28), 2)}0780${pad(1 + (n % 9999), 4)}`.slice(0, 16),
  no_kk: `${compact}0101${pad(10 + Math.floor(n / 9999), 2)}${pad(1 + (n % 9999), 4)}`,
  nama: `Keluarga ${n}`,
  alamat: `Kp. Cibeber RT ${pad(n % 20, 2)}`,
  kode_desa: `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 6)}.${2001 + (n % 5)}`,
  aksi: 'BARU',
  alasan: '',
  no_kks: `9${pad(n, 15)}`,
  ...overrides,
})

export const csvOf = (rows: readonly SheetRow[]): string =>
  [
    VERVAL_COLUMNS.join(','),
    ...rows.map((row) => VERVAL_COLUMNS.map((column) => row[column] ?? '').join(',')),
  ].join('\n') + '\n'

/** The current month `YYYY-MM` in WIB on the project clock. */
export const currentPeriod = (): string => new Date(nowMs() + 7 * 3600_000).toISOString().slice(0, 7)

export const createVervalDriver = (baseUrl: () => string) => {
  const tokenOf = createTokenCache(baseUrl)
  const call = async (username: string, path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl()}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await tokenOf(username)}`,
        ...(init.headers as Record<string, string>),
      },
    })

  const upload = (
    username: string,
    body: string | Buffer,
    query = `program=BPNT&period=${currentPeriod()}`,
    type = 'text/csv',
  ) => call(username, `/api/verval?${query}`, { method: 'POST', headers: { 'content-type': type }, body })

  const uploadOk = async (rows: readonly SheetRow[], username = 'tksk.leuwiliang', query?: string) => {
    const response = await upload(username, csvOf(rows), query)
    expect(response.status).toBe(202)
    return ((await response.json()) as { batchId: string; status: string }).batchId
  }

  const batch = async (batchId: string, username = 'dinsos.bogor') =>
    (await (await call(username, `/api/verval/${batchId}`)).json()) as {
      status: string
      rows: number
      errorCount: number
      summary: Record<string, number>
    }

  const waitFor = async (batchId: string, statuses: readonly string[], timeoutMs = 60_000) => {
    let current: Awaited<ReturnType<typeof batch>> | undefined
    return pollFor(
      async () => {
        current = await batch(batchId)
        return statuses.includes(current.status) ? current : undefined
      },
      timeoutMs,
      () => `batch ${batchId} stayed ${current?.status}`,
    )
  }

  const errors = async (batchId: string) =>
    (
      (await (await call('tksk.leuwiliang', `/api/verval/${batchId}/errors`)).json()) as {
        items: { row: number; field: string; code: string; message: string }[]
      }
    ).items

  const decide = (
    batchId: string,
    decision: 'APPROVE' | 'REJECT',
    reason?: string,
    username = 'dinsos.bogor',
  ) =>
    call(username, `/api/verval/${batchId}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision, ...(reason ? { reason } : {}) }),
    })

  const registry = async (area = '32.01.14', program = 'BPNT', username = 'dinsos.bogor') => {
    const items: Record<string, unknown>[] = []
    let cursor: string | null = null
    do {
      const response = await call(
        username,
        `/api/kpm?${area ? `area=${area}&` : ''}program=${program}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(response.status).toBe(200)
      const page = (await response.json()) as { items: Record<string, unknown>[]; nextCursor: string | null }
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items
  }

  /** Audit entries of an action in Leuwiliang about one batch, every page. */
  const auditOf = async (action: string, batchId: string, username = 'auditor.bogor') => {
    const items: { action: string; after: { batchId?: string; line?: number } | null }[] = []
    let cursor: string | null = null
    do {
      const response = await call(
        username,
        `/api/audit?action=${action}&area=32.01.14&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(response.status).toBe(200)
      const page = (await response.json()) as { items: typeof items; nextCursor: string | null }
      items.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return items.filter((entry) => entry.after?.batchId === batchId)
  }

  const outbox = async (to: string) =>
    (
      (await (await fetch(`${baseUrl()}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as {
        items: { subject: string; links: string[]; text: string }[]
      }
    ).items

  /** The first mail to `to` about the batch whose subject contains `subject`, waiting for it to be sent. */
  const mail = (to: string, batchId: string, subject = '') =>
    pollFor(
      async () => (await outbox(to)).find((m) => m.subject.includes(batchId) && m.subject.includes(subject)),
      15_000,
      () => `no mail "${subject}" about ${batchId} to ${to}`,
    )

  const approvalLinkIn = (found: { links: string[] }): string => {
    const link = found.links.find((l) => l.includes('/verval/keputusan/'))
    if (!link) throw new Error('the mail has no approval link')
    return link
  }

  /** Posts the form of an emailed approval link, as the approver's browser does. */
  const decideByLink = (link: string, decision: 'APPROVE' | 'REJECT', reason?: string) => {
    const url = new URL(link)
    return fetch(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        k: url.searchParams.get('k') ?? '',
        decision,
        ...(reason ? { reason } : {}),
      }).toString(),
    })
  }

  /** Moves the project clock (and every workflow timer) on. */
  const advance = async (seconds: number) => {
    const response = await fetch(`${baseUrl()}/api/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seconds }),
    })
    expect(response.status).toBe(200)
  }

  /** Moves the project clock on to an instant (epoch ms). */
  const advanceTo = (instantMs: number) => advanceClockTo(baseUrl(), instantMs)

  return {
    call,
    upload,
    uploadOk,
    batch,
    waitFor,
    errors,
    decide,
    registry,
    auditOf,
    outbox,
    mail,
    approvalLinkIn,
    decideByLink,
    advance,
    advanceTo,
  }
}
