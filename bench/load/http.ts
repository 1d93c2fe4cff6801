/**
 * What the load bench's clients send (issue 17 item 7), over the platform's real routes:
 * a resident's intake and status lookup, a Dinsos list, a TKSK's decision through its
 * mailed link. Each applicant is a distinct person (a woman born in July 1980 whose NIK
 * the serial makes unique), so dedup never closes a bench case as DUPLICATE.
 */

/** Where the platform answers now: a restart after the SIGKILL comes up on another port. */
export interface Target {
  url: string
}

export const KECAMATAN = {
  /** The mixed traffic's intakes. */
  leuwiliang: { code: '320114', village: '32.01.14.2001', area: '32.01.14' },
  /** The parked cases, so their TKSK's mail holds only those. */
  ciampea: { code: '320115', village: '32.01.15.2001', area: '32.01.15' },
} as const
export type Kecamatan = (typeof KECAMATAN)[keyof typeof KECAMATAN]

export const TKSK_CIAMPEA = 'tksk.ciampea@dinsos.bogorkab.local'

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/** Serial n → a valid NIK and the birth date it encodes (28 days × 9,999 serials per kecamatan). */
const personOf = (serial: number, kecamatan: Kecamatan) => {
  const day = 1 + (Math.floor(serial / 9999) % 28)
  return {
    nik: `${kecamatan.code}${pad(day + 40, 2)}0780${pad(1 + (serial % 9999), 4)}`,
    birthDate: `1980-07-${pad(day, 2)}`,
  }
}

export const intakeBody = (serial: number, kecamatan: Kecamatan) => ({
  applicant: {
    ...personOf(serial, kecamatan),
    kk: `${kecamatan.code}0101100001`,
    name: 'Warga Uji Beban',
    address: 'Kp. Cibeber RT 02/03',
    villageCode: kecamatan.village,
  },
  category: 'FAKIR_MISKIN',
  service: 'SKTM',
  consent: true,
})

export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

export interface Filed {
  caseId: string
  reference: string
  accessCode: string
}

/** One per bench run: a retried intake (same key) files its case once, as a resident's app would. */
const RUN = Date.now().toString(36)

export const fileCase = async (target: Target, serial: number, kecamatan: Kecamatan) => {
  const response = await postJson(`${target.url}/api/cases`, intakeBody(serial, kecamatan), {
    'idempotency-key': `bench-${RUN}-${kecamatan.code}-${serial}`,
  })
  return {
    status: response.status,
    filed: response.status === 201 ? ((await response.json()) as Filed) : undefined,
  }
}

export const statusOf = async (target: Target, filed: Pick<Filed, 'reference' | 'accessCode'>) => {
  const response = await postJson(`${target.url}/api/cases/status`, {
    reference: filed.reference,
    accessCode: filed.accessCode,
  })
  return {
    status: response.status,
    body:
      response.status === 200 ? ((await response.json()) as { status: string; outcome?: string }) : undefined,
  }
}

/** A bearer token of a seeded staff user, through the local sign-in (survives a restart: sessions are stored). */
export const tokenOf = async (target: Target, username: string): Promise<string> => {
  const response = await postJson(`${target.url}/api/dev/login`, { username })
  if (response.status !== 200) throw new Error(`dev login of ${username} answered ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** The TKSK's "not eligible" through the mailed link: GET the form, POST it with the link's key. */
export const decideByLink = async (target: Target, link: string): Promise<number> => {
  const mailed = new URL(link)
  const path = `${target.url}${mailed.pathname}`
  await (await fetch(`${path}${mailed.search}`)).arrayBuffer()
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      k: mailed.searchParams.get('k') ?? '',
      visitDate: '2026-01-10',
      findings: 'Mampu',
      eligible: 'false',
      service: 'SKTM',
    }),
  })
  await response.arrayBuffer()
  return response.status
}

export interface OutboxMail {
  id: string
  to: string[]
  subject: string
  links: string[]
}

export const outboxOf = async (target: Target, to: string): Promise<OutboxMail[]> =>
  (
    (await (await fetch(`${target.url}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as {
      items: OutboxMail[]
    }
  ).items
