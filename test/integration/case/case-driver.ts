/**
 * Drives the case workflow the way people do: a resident posts the intake, staff and
 * providers open the links mailed to them (read from the local outbox) and post the
 * forms, time passes through `/api/dev/clock/advance`.
 */
import { expect } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { SITI_AMINAH } from '../../support/applicant'
import { login } from '../../support/platform'
import { pollFor } from '../../support/poll'

export const applicant = (overrides: Record<string, unknown> = {}) => ({ ...SITI_AMINAH, ...overrides })

export const intakeBody = (
  overrides: Record<string, unknown> = {},
  applicantOverrides: Record<string, unknown> = {},
) => ({
  applicant: applicant(applicantOverrides),
  category: 'FAKIR_MISKIN',
  service: 'JAMKESDA',
  description: 'Membutuhkan jaminan kesehatan <script>alert(1)</script>',
  consent: true,
  ...overrides,
})

/** A man living under a bridge, reported by his RT: no KTP, no KK, age guessed. */
export const REPORTED = {
  applicant: {
    nikStatus: 'NONE',
    kkStatus: 'NONE',
    birthDateStatus: 'UNKNOWN',
    estimatedAge: 62,
    name: 'Pak Darto Suryana',
    address: 'Kolong jembatan Cibeber, dekat pos ronda',
    villageCode: '32.01.14.2001',
  },
  reporter: { name: 'Ujang Ketua RT', relation: 'RT_RW', phone: '081298765432' },
  category: 'GELANDANGAN',
  service: 'REHABILITASI_SOSIAL',
  description: 'Tidur di kolong jembatan sejak tiga bulan, sakit-sakitan.',
  consent: true,
}

export const EMAILS = {
  tksk: 'tksk.leuwiliang@dinsos.bogorkab.local',
  tkskCiampea: 'tksk.ciampea@dinsos.bogorkab.local',
  dinsos: 'rehsos@dinsos.bogorkab.local',
  head: 'kadis@dinsos.bogorkab.local',
  auditor: 'inspektorat@bogorkab.local',
  puskesmas: 'puskesmas.leuwiliang@dinkes.bogorkab.local',
  bpjs: 'kis@bpjs-bogor.local',
  rsud: 'rsud.leuwiliang@dinkes.bogorkab.local',
  rehsos: 'rehsos.bidang@dinsos.bogorkab.local',
} as const

interface OutboxItem {
  to: string[]
  subject: string
  text: string
  html: string
  links: string[]
  sentAt: string
}

export const createDriver = (baseUrl: () => string) => {
  const url = (path: string) => `${baseUrl()}${path}`

  /** The access code of each reference this driver filed, as intake answered it (DESIGN v3 §4). */
  const accessCodes = new Map<string, string>()

  const postJson = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    if (path === '/api/cases' && response.status === 201) {
      const receipt = (await response.clone().json()) as { reference: string; accessCode: string }
      accessCodes.set(receipt.reference, receipt.accessCode)
    }
    return response
  }

  const submitCase = async (body: unknown = intakeBody(), headers: Record<string, string> = {}) => {
    const response = await postJson('/api/cases', body, headers)
    expect(response.status).toBe(201)
    return (await response.json()) as {
      caseId: string
      reference: string
      accessCode: string
      status: string
    }
  }

  const outbox = async (to: string): Promise<OutboxItem[]> =>
    (
      (await (await fetch(url(`/api/dev/outbox?to=${encodeURIComponent(to)}`))).json()) as {
        items: OutboxItem[]
      }
    ).items

  /** The newest mail to `to` about `reference` whose subject contains `subject`, waiting for it to arrive. */
  const mail = async (to: string, reference: string, subject = '', timeoutMs = 15_000): Promise<OutboxItem> =>
    pollFor(
      async () =>
        (await outbox(to)).find((m) => m.subject.includes(reference) && m.subject.includes(subject)),
      timeoutMs,
      () => `no mail to ${to} about ${reference} (${subject})`,
    )

  const linkIn = (item: OutboxItem): string => {
    const link = item.links.find((l) => l.includes('/t/'))
    if (!link) throw new Error(`mail "${item.subject}" has no task link`)
    return link
  }

  /** Opens the link as a person would (GET), then posts the form with `k` and the fields. */
  const act = async (link: string, fields: Record<string, string>) => {
    const page = await fetch(link)
    const target = new URL(link)
    const body = new URLSearchParams({ k: target.searchParams.get('k') ?? '', ...fields })
    const response = await fetch(url(target.pathname), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
    return { page, response, html: await response.text() }
  }

  /** The resident's lookup, with the code intake gave for the reference unless another is named. */
  const status = async (reference: string, accessCode = accessCodes.get(reference) ?? 'AAAAAA') => {
    const response = await postJson('/api/cases/status', { reference, accessCode })
    return {
      response,
      body: (await response.json()) as { status: string; outcome?: string; history: unknown[] },
    }
  }

  // Up to 45 s: a loaded full run once needed more than 15 s to bring a case to
  // RECOMMENDATION. Each lookup also spends the status budget of the rate limit.
  const waitForStatus = async (reference: string, expected: string, outcome?: string, timeoutMs = 45_000) => {
    let last: Awaited<ReturnType<typeof status>>['body'] | undefined
    return pollFor(
      async () => {
        last = (await status(reference)).body
        return last.status === expected && (outcome === undefined || last.outcome === outcome)
          ? last
          : undefined
      },
      timeoutMs,
      () => `case ${reference} is ${last?.status}/${last?.outcome}, expected ${expected}/${outcome}`,
    )
  }

  const advance = async (seconds: number) => {
    const response = await postJson('/api/dev/clock/advance', { seconds })
    expect(response.status).toBe(200)
  }

  /**
   * The due moment (epoch ms) of `username`'s open task of `kind` on the case. A due date in
   * hari kerja is as many calendar days away as the week's holidays and cuti bersama make it
   * (5 hari kerja from 4 January 2027 end on the 12th: the 5th is Isra Mi'raj), so a test
   * reaching it reads it instead of guessing a number of days.
   */
  const dueAtOf = async (username: string, reference: string, kind: string): Promise<number> => {
    const token = await login(baseUrl(), username)
    const answer = await fetch(url('/api/tasks?limit=100'), { headers: { authorization: `Bearer ${token}` } })
    expect(answer.status).toBe(200)
    const { items } = (await answer.json()) as { items: { reference: string; kind: string; dueAt: string }[] }
    const task = items.find((t) => t.reference === reference && t.kind === kind)
    if (!task) throw new Error(`${username} has no open ${kind} task of ${reference}`)
    return Date.parse(task.dueAt)
  }

  /** Moves the clock `offsetSeconds` past (negative: before) the due moment of the task. */
  const advanceToDue = async (username: string, reference: string, kind: string, offsetSeconds: number) =>
    advance(
      Math.max(1, Math.ceil(((await dueAtOf(username, reference, kind)) - nowMs()) / 1000) + offsetSeconds),
    )

  /** Moves the clock an hour past the due moment of `username`'s open task of `kind` on the case. */
  const advancePastDue = async (username: string, reference: string, kind: string) =>
    advanceToDue(username, reference, kind, 3600)

  /** Waits until `count` mails to `to` about `reference` with `subject` have been sent. */
  const waitForOutboxCount = async (
    to: string,
    reference: string,
    subject: string,
    count: number,
    timeoutMs = 15_000,
  ) => {
    let found: OutboxItem[] = []
    return pollFor(
      async () => {
        found = (await outbox(to)).filter((m) => m.subject.includes(reference) && m.subject.includes(subject))
        return found.length >= count ? found : undefined
      },
      timeoutMs,
      () => `${found.length} mails to ${to} about ${reference} (${subject}), expected ${count}`,
    )
  }

  /** A case filed and taken by its mailed links to CLOSED FULFILLED (the provider reported SERVED). */
  const fulfilCase = async (body: unknown = intakeBody()) => {
    const filed = await submitCase(body)
    await act(linkIn(await mail(EMAILS.tksk, filed.reference, 'Asesmen')), ASSESSED)
    await waitForStatus(filed.reference, 'RECOMMENDATION')
    await act(linkIn(await mail(EMAILS.dinsos, filed.reference, 'Persetujuan')), { decision: 'APPROVE' })
    await waitForStatus(filed.reference, 'REFERRAL')
    await act(linkIn(await mail(EMAILS.puskesmas, filed.reference, 'Tanggapan')), { response: 'ACCEPT' })
    await act(linkIn(await mail(EMAILS.puskesmas, filed.reference, 'Laporan hasil')), { result: 'SERVED' })
    await waitForStatus(filed.reference, 'CLOSED', 'FULFILLED')
    return filed
  }

  return {
    url,
    accessCodes,
    postJson,
    submitCase,
    outbox,
    mail,
    linkIn,
    act,
    status,
    waitForStatus,
    advance,
    dueAtOf,
    advanceToDue,
    advancePastDue,
    waitForOutboxCount,
    fulfilCase,
  }
}

export const DAY = 24 * 60 * 60

/** A valid NIK of a woman born 5 July 1980 in Leuwiliang, with serial `n`: one person per test. */
export const nikOf = (n: number): string => `320114450780${String(n).padStart(4, '0')}`

export const ASSESSED = {
  visitDate: '2026-01-10',
  findings: 'Keluarga prasejahtera',
  eligible: 'true',
  service: 'JAMKESDA',
}
