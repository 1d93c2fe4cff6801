/**
 * The miniature month `npm run cost` meters: cases through every path of DESIGN §3
 * (approved and served, revised then approved, rejected, not eligible, duplicate,
 * re-referred after a provider declined, an approval escalated to the head) and one
 * verval batch per program, driven as people drive them: by the mailed links, the API
 * and the project clock.
 */
import { VERVAL_COLUMNS } from '../../functions/core/verval/columns'
import { VERVAL_PROGRAMS } from '../../functions/core/catalog/verval-programs'

const DAY = 24 * 60 * 60
const EMAILS = {
  tksk: 'tksk.leuwiliang@dinsos.bogorkab.local',
  dinsos: 'rehsos@dinsos.bogorkab.local',
  head: 'kadis@dinsos.bogorkab.local',
  puskesmas: 'puskesmas.leuwiliang@dinkes.bogorkab.local',
  rsud: 'rsud.leuwiliang@dinkes.bogorkab.local',
} as const
const ASSESSED = {
  visitDate: '2026-01-10',
  findings: 'Keluarga prasejahtera',
  eligible: 'true',
  service: 'JAMKESDA',
}

interface OutboxItem {
  subject: string
  links: string[]
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** `settle` waits until no execution is running a step (the local service's idle), so a status is read once, not polled. */
export const createMonthDriver = (baseUrl: string, settle: () => Promise<void>) => {
  let person = 0
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const ok = async (response: Response, what: string): Promise<Response> => {
    if (response.status >= 300)
      throw new Error(`${what} answered ${response.status}: ${await response.text()}`)
    return response
  }
  const until = async <T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 60_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = await probe()
      if (found !== undefined) return found
      if (Date.now() > deadline) throw new Error(`cost run: gave up waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  /** The link of the `nth` (1-based) mail to `to` about `reference` whose subject has `subject`. */
  const linkOf = (to: string, reference: string, subject: string, nth = 1) =>
    until(`mail "${subject}" ${nth} to ${to} about ${reference}`, async () => {
      const { items } = (await (
        await fetch(`${baseUrl}/api/dev/outbox?to=${encodeURIComponent(to)}`)
      ).json()) as { items: OutboxItem[] }
      const found = items.filter((m) => m.subject.includes(reference) && m.subject.includes(subject))
      return found.length >= nth ? found[0]?.links.find((l) => l.includes('/t/')) : undefined
    })
  const act = async (link: string, fields: Record<string, string>) => {
    await (await fetch(link)).arrayBuffer()
    const target = new URL(link)
    const body = new URLSearchParams({ k: target.searchParams.get('k') ?? '', ...fields })
    await ok(
      await fetch(`${baseUrl}${target.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      }),
      `form ${target.pathname}`,
    )
  }
  const file = async (nik = `320114450780${pad(++person, 4)}`) => {
    const response = await ok(
      await postJson('/api/cases', {
        applicant: {
          nik,
          kk: '3201140101100001',
          name: 'Warga Uji Biaya',
          birthDate: '1980-07-05',
          email: 'warga@example.org',
          address: 'Kp. Cibeber RT 02/03',
          villageCode: '32.01.14.2001',
        },
        category: 'FAKIR_MISKIN',
        service: 'JAMKESDA',
        consent: true,
      }),
      'intake',
    )
    const receipt = (await response.json()) as { reference: string; accessCode: string }
    return { ...receipt, nik }
  }
  const status = async (reference: string, accessCode: string, expected: string) => {
    await settle()
    return until(`${reference} ${expected}`, async () => {
      const body = (await (await postJson('/api/cases/status', { reference, accessCode })).json()) as {
        status: string
      }
      return body.status === expected ? body : undefined
    })
  }
  const assess = async (reference: string, fields = ASSESSED, nth = 1) =>
    act(await linkOf(EMAILS.tksk, reference, 'Asesmen', nth), fields)
  /** Dinsos decides the nth approval of a case from its emailed link. */
  const decide = async (
    reference: string,
    decision: 'APPROVE' | 'REVISE' | 'REJECT',
    reason?: string,
    nth = 1,
  ) =>
    act(await linkOf(EMAILS.dinsos, reference, 'Persetujuan', nth), {
      decision,
      ...(reason ? { reason } : {}),
    })
  const serve = async (reference: string, provider: string) => {
    await act(await linkOf(provider, reference, 'Tanggapan'), { response: 'ACCEPT' })
    await act(await linkOf(provider, reference, 'Laporan hasil'), { result: 'SERVED' })
  }

  /** Each path once; returns how many cases were filed. Escalation last: it moves the clock for all. */
  const casePaths: Record<string, () => Promise<number>> = {
    async approved() {
      const c = await file()
      await assess(c.reference)
      await decide(c.reference, 'APPROVE')
      await serve(c.reference, EMAILS.puskesmas)
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
    async revised() {
      const c = await file()
      await assess(c.reference)
      await decide(c.reference, 'REVISE', 'Lengkapi foto')
      await assess(c.reference, ASSESSED, 2)
      await decide(c.reference, 'APPROVE', undefined, 2)
      await serve(c.reference, EMAILS.puskesmas)
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
    async rejected() {
      const c = await file()
      await assess(c.reference)
      await decide(c.reference, 'REJECT', 'Sudah PBI')
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
    async notEligible() {
      const c = await file()
      await assess(c.reference, { ...ASSESSED, eligible: 'false' })
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
    async duplicate() {
      const first = await file()
      const second = await file(first.nik)
      await status(second.reference, second.accessCode, 'CLOSED')
      await assess(first.reference, { ...ASSESSED, eligible: 'false' })
      await status(first.reference, first.accessCode, 'CLOSED')
      return 2
    },
    async reReferred() {
      const c = await file()
      await assess(c.reference)
      await decide(c.reference, 'APPROVE')
      await act(await linkOf(EMAILS.puskesmas, c.reference, 'Tanggapan'), {
        response: 'DECLINE',
        reason: 'Kuota penuh',
      })
      await act(await linkOf(EMAILS.dinsos, c.reference, 'Rujukan ditolak'), {
        action: 'REREFER',
        providerId: 'rsud-leuwiliang',
      })
      await serve(c.reference, EMAILS.rsud)
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
    async escalated() {
      const c = await file()
      await assess(c.reference)
      await linkOf(EMAILS.dinsos, c.reference, 'Persetujuan')
      await ok(await postJson('/api/dev/clock/advance', { seconds: 8 * DAY }), 'clock advance')
      await act(await linkOf(EMAILS.head, c.reference, 'Eskalasi'), { decision: 'APPROVE' })
      await serve(c.reference, EMAILS.puskesmas)
      await status(c.reference, c.accessCode, 'CLOSED')
      return 1
    },
  }

  const token = async (username: string) =>
    ((await (await ok(await postJson('/api/dev/login', { username }), 'login')).json()) as { token: string })
      .token

  /** One batch per program of `rows` new families in Leuwiliang, validated, approved and applied. */
  const vervalBatches = async (rows: number): Promise<number> => {
    const tksk = { authorization: `Bearer ${await token('tksk.leuwiliang')}` }
    const dinsos = { authorization: `Bearer ${await token('dinsos.bogor')}` }
    const period = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7)
    const batchStatus = (batchId: string, wanted: readonly string[]) =>
      until(
        `batch ${batchId} ${wanted.join('/')}`,
        async () => {
          const body = (await (
            await fetch(`${baseUrl}/api/verval/${batchId}`, { headers: dinsos })
          ).json()) as {
            status: string
          }
          if (wanted.includes(body.status)) return body.status
          if (['INVALID', 'FAILED', 'REJECTED'].includes(body.status))
            throw new Error(`batch ${batchId} ended ${body.status}`)
          return undefined
        },
        300_000,
      )
    let total = 0
    for (const [p, program] of VERVAL_PROGRAMS.entries()) {
      const lines = Array.from({ length: rows }, (_, i) => {
        const n = p * rows + i + 1
        const row: Record<string, string> = {
          nik: `320114${pad(1 + (n % 28), 2)}0780${pad(1 + (n % 9999), 4)}`,
          no_kk: `3201140101${pad(20 + p, 2)}${pad(1 + (n % 9999), 4)}`,
          nama: `Keluarga ${n}`,
          alamat: `Kp. Cibeber RT ${pad(n % 20, 2)}`,
          kode_desa: `32.01.14.${2001 + (n % 5)}`,
          aksi: 'BARU',
          alasan: '',
          no_kks: `9${pad(n, 15)}`,
        }
        return VERVAL_COLUMNS.map((column) => row[column] ?? '').join(',')
      })
      const csv = [VERVAL_COLUMNS.join(','), ...lines].join('\n') + '\n'
      const upload = await ok(
        await fetch(`${baseUrl}/api/verval?program=${program}&period=${period}`, {
          method: 'POST',
          headers: { ...tksk, 'content-type': 'text/csv' },
          body: csv,
        }),
        `verval upload ${program}`,
      )
      const { batchId } = (await upload.json()) as { batchId: string }
      await batchStatus(batchId, ['AWAITING_APPROVAL'])
      await ok(
        await postJson(`/api/verval/${batchId}/decision`, { decision: 'APPROVE' }, dinsos),
        `verval decision ${program}`,
      )
      await batchStatus(batchId, ['APPLIED'])
      total += rows
    }
    return total
  }

  return { casePaths, vervalBatches }
}
