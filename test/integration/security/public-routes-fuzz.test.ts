/**
 * Property tests over every public route (issue 18 point 8): arbitrary bodies, headers
 * and query strings, as a scanner or a broken client sends them, through the local
 * platform's gateway. Whatever arrives, the answer is never a 5xx, never shows a stack
 * trace or a file path, and an error never repeats the personal data it was sent.
 * Methods the route table does not have for a path (the status lookup is moving from
 * GET to POST) must answer 404/405 like any unknown route: both are fuzzed.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SITI_AMINAH } from '../../support/applicant'
import { headerValue, printable } from '../../support/fuzz-strings'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform
let link = { id: 'unknownlinkid', secret: 'x' }
const previousLimit = process.env.RATE_LIMIT_PER_MINUTE

const INTAKE = {
  applicant: SITI_AMINAH,
  category: 'FAKIR_MISKIN',
  service: 'SKTM',
  description: 'Butuh SKTM untuk beasiswa anak.',
  consent: true,
}
/** The personal data the requests carry: no error may repeat any of it. */
const PII: string[] = [
  SITI_AMINAH.nik,
  SITI_AMINAH.kk,
  SITI_AMINAH.phone ?? '081234567890',
  SITI_AMINAH.email ?? 'siti@example.org',
  SITI_AMINAH.birthDate,
]

beforeAll(async () => {
  // The per-IP limit would answer most of the run 429 and hide the handlers from the fuzz.
  process.env.RATE_LIMIT_PER_MINUTE = '0'
  platform = await startTestPlatform()
  const filed = await fetch(`${platform.url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(INTAKE),
  })
  expect(filed.status).toBe(201)
  const { reference } = (await filed.json()) as { reference: string }
  // The TKSK's assessment link: the fuzz then also reaches a link that exists.
  for (let attempt = 0; attempt < 100; attempt++) {
    const outbox = (await (
      await fetch(`${platform.url}/api/dev/outbox?to=tksk.leuwiliang@dinsos.bogorkab.local`)
    ).json()) as { items: { subject: string; links: string[] }[] }
    const found = outbox.items
      .find((m) => m.subject.includes(reference))
      ?.links.find((l) => l.includes('/t/'))
    if (found) {
      const url = new URL(found)
      link = { id: url.pathname.split('/').pop() ?? '', secret: url.searchParams.get('k') ?? '' }
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
})

afterAll(async () => {
  if (previousLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE
  else process.env.RATE_LIMIT_PER_MINUTE = previousLimit
  await platform?.dispose()
})

const planted = fc.constantFrom(...PII)
const value = fc.oneof(printable, planted, fc.constantFrom('', '%', '%zz', '%E0%A4%A', '\u0000', '../../etc'))

const fieldNames = fc.constantFrom(
  'applicant.nik',
  'applicant.kk',
  'applicant.name',
  'applicant.birthDate',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.villageCode',
  'category',
  'service',
  'description',
  'consent',
  'reference',
  'accessCode',
  'birthDate',
  'k',
  'decision',
  'reason',
  'visitDate',
  'findings',
  'eligible',
  'notes',
  'area',
  '_csrf',
  '__proto__',
  'constructor.prototype',
)

/** A query string as a client may really send it: repeated keys, raw `%`, nothing escaped. */
const queryString = fc
  .array(fc.tuple(fc.oneof(fieldNames, printable), value), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v]) => `${k.replace(/[#\s]/g, '')}=${v.replace(/[#\s]/g, '')}`).join('&'))

const headers = fc.dictionary(
  fc.constantFrom(
    'accept',
    'accept-language',
    'authorization',
    'cookie',
    'idempotency-key',
    'origin',
    'referer',
    'x-forwarded-for',
    'x-correlation-id',
    'cloudfront-viewer-address',
    'x-tksk-edge',
  ),
  fc.oneof(headerValue, fc.constantFrom('Bearer eyJhbGciOiJub25lIn0.e30.', 'session=abc; csrf=def')),
  { maxKeys: 4 },
)

const contentType = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'multipart/form-data',
  'text/plain',
  'text/csv',
  'application/json; charset=latin1',
  'application/octet-stream',
  ';;;',
)

/** An intake with one field replaced by anything JSON can hold. */
const mutatedIntake = fc
  .tuple(
    fc.constantFrom('applicant', 'category', 'service', 'description', 'consent', 'extra', 'applicant.nik'),
    fc.jsonValue(),
  )
  .map(([field, replacement]) => {
    const body: Record<string, unknown> = { ...INTAKE, applicant: { ...INTAKE.applicant } }
    if (field === 'applicant.nik') (body.applicant as Record<string, unknown>).nik = replacement
    else body[field] = replacement
    return JSON.stringify(body)
  })

const formBody = fc
  .array(fc.tuple(fieldNames, value), { maxLength: 8 })
  .map((pairs) => new URLSearchParams(pairs).toString())

const body = fc.oneof(
  mutatedIntake,
  formBody,
  fc.json(),
  printable,
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.constant(''),
)

const request = fc.record({ query: queryString, headers, contentType, body })

interface Target {
  name: string
  path: () => string
  methods: readonly ('GET' | 'POST')[]
}

const targets: readonly Target[] = [
  { name: 'intake (JSON)', path: () => '/api/cases', methods: ['POST'] },
  { name: 'the request form', path: () => '/', methods: ['GET', 'POST'] },
  { name: 'the confirmation page', path: () => '/confirmation', methods: ['GET'] },
  { name: 'status (API)', path: () => '/api/cases/status', methods: ['GET', 'POST'] },
  { name: 'status (page)', path: () => '/status', methods: ['GET', 'POST'] },
  { name: 'KPM check (API)', path: () => '/api/kpm/check', methods: ['POST'] },
  { name: 'KPM check (page)', path: () => '/cek-kpm', methods: ['GET', 'POST'] },
  { name: 'an existing task link', path: () => `/t/${link.id}`, methods: ['GET', 'POST'] },
  { name: 'an unknown task link', path: () => '/t/01JUNKJUNKJUNKJUNKJUNKJUNK', methods: ['GET', 'POST'] },
  {
    name: 'a verval approval link',
    path: () => '/verval/keputusan/01JUNKJUNKJUNK',
    methods: ['GET', 'POST'],
  },
  { name: 'letter verification', path: () => '/v/ABCD-1234', methods: ['GET'] },
  { name: 'areas', path: () => '/api/reference/areas', methods: ['GET'] },
  { name: 'categories', path: () => '/api/reference/categories', methods: ['GET'] },
]

// What a leaked error looks like: a stack frame, a source path, an internal error name.
const LEAKS = [
  /\n\s+at [^\n]+:\d+:\d+/,
  /node_modules/,
  /\/work\/|\/var\/task\//,
  /\b(TypeError|ReferenceError|SyntaxError)\b/,
]

type Input = typeof request extends fc.Arbitrary<infer T> ? T : never

const send = async (target: Target, method: 'GET' | 'POST', input: Input) => {
  const separator = input.query ? '?' : ''
  // A link holder's real secret in some requests, so the fuzz gets past the secret check.
  const query =
    target.name === 'an existing task link' && input.query.length % 2 === 0
      ? `k=${link.secret}&${input.query}`
      : input.query
  const response = await fetch(`${platform.url}${target.path()}${separator}${query}`, {
    method,
    headers: { ...input.headers, 'content-type': input.contentType },
    ...(method === 'POST' ? { body: input.body } : {}),
    redirect: 'manual',
  })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
}

describe('every public route under arbitrary input', () => {
  for (const target of targets)
    for (const method of target.methods)
      it(`${method} ${target.name}: never a 5xx, never a stack trace, never the sent PII in an error`, async () => {
        await fc.assert(
          fc.asyncProperty(request, async (input) => {
            const answer = await send(target, method, input)
            expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500)
            for (const leak of LEAKS) expect(answer.text).not.toMatch(leak)
            // JSON errors name fields, never values. (A form page shown again with its
            // errors keeps what the person typed, for them to correct: that is not an error body.)
            if (answer.status >= 400 && answer.type.includes('application/json'))
              for (const pii of PII) expect(answer.text).not.toContain(pii)
          }),
          { numRuns: 12 },
        )
      })
})
