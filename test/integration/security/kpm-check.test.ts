/**
 * Issue 15.5 over HTTP: "Apakah keluarga saya KPM?". A resident gives the KK number and
 * the birth date of the family's pengurus and sees each program with its status, and
 * nothing else. The registry is filled the real way (verval upload, approval, apply on
 * the local workflows). A KK no KPM holds and a wrong birth date get one and the same
 * answer; 5 misses lock the KK for 24 hours (the status lookup's lockout); the page and
 * the API share one per-IP budget; every check is audited without the KK or the date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nikRefOf } from '../../../functions/core/identity/nik-ref'
import { nowMs } from '../../../functions/shared/clock'
import { nikPepper } from '../../../functions/shared/nik-pepper'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family, type SheetRow } from '../verval/verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)
const savedLimit = process.env.RATE_LIMIT_PER_MINUTE

/** Born 5 July 1980 (day 05 in the NIK): a man's NIK. In BPNT and PKH. */
const BOTH = family(3105, '320114', { nik: '3201140507800311', no_kk: '3201140101100311' })
/** Born 12 March 1975, a woman (day 12 + 40 = 52 in the NIK). In BPNT only. */
const WOMAN = family(3106, '320114', { nik: '3201145203750312', no_kk: '3201140101100312' })
/** Born 15 July 1980, in PKH: the KK whose birth date is guessed. */
const GUESSED = family(3107, '320114', { nik: '3201141507800313', no_kk: '3201140101100313' })
/** Born 20 August 1990, in BPNT: a family that checks often and mistypes now and then. */
const FREQUENT = family(3108, '320114', { nik: '3201142008900314', no_kk: '3201140101100314' })
/** A KK no KPM holds: well formed, same kecamatan. */
const UNKNOWN_KK = '3201140101109999'

const applied = async (rows: readonly SheetRow[], program: 'BPNT' | 'PKH') => {
  const batchId = await driver.uploadOk(
    rows,
    'tksk.leuwiliang',
    `program=${program}&period=${currentPeriod()}`,
  )
  expect((await driver.waitFor(batchId, ['INVALID', 'AWAITING_APPROVAL'])).status).toBe('AWAITING_APPROVAL')
  expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
  await driver.waitFor(batchId, ['APPLIED'])
}

beforeAll(async () => {
  // The per-IP budget has its own test below; elsewhere every check must reach the lock.
  process.env.RATE_LIMIT_PER_MINUTE = '0'
  platform = await startTestPlatform()
  await applied([BOTH, WOMAN, FREQUENT], 'BPNT')
  await applied([BOTH, GUESSED], 'PKH')
}, 120_000)
afterAll(async () => {
  // Test files share a worker's process: leave the limit as this file found it.
  if (savedLimit === undefined) delete process.env.RATE_LIMIT_PER_MINUTE
  else process.env.RATE_LIMIT_PER_MINUTE = savedLimit
  await platform?.dispose()
})

/** The answer's body: the programs on a hit, the contract's error otherwise. */
interface KpmAnswer {
  programs: { program: string; status: string }[]
  error: { code: string; details: { path: string }[] }
}

const check = async (body: Record<string, unknown>) => {
  const response = await fetch(`${platform.url}/api/kpm/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as KpmAnswer,
  }
}

const checkPage = (kk: string, birthDate: string) =>
  fetch(`${platform.url}/cek-kpm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ kk, birthDate }),
  })

/** What no answer may contain: the family's names, NIKs, KKs, KKS, address or the typed date. */
const personal = (row: SheetRow) => [
  row.nama,
  row.nik,
  row.no_kk,
  row.no_kks ?? '',
  row.alamat,
  row.nik.slice(-4),
]

describe('a family in the registry', () => {
  it('sees each program and its status with the pengurus’s birth date, and nothing about any person', async () => {
    const found = await check({ kk: BOTH.no_kk, birthDate: '1980-07-05' })
    expect(found.status).toBe(200)
    expect(found.body).toEqual({
      programs: [
        { program: 'BPNT', status: 'ACTIVE' },
        { program: 'PKH', status: 'ACTIVE' },
        { program: 'PBI', status: 'NOT_LISTED' },
      ],
    })
    const text = JSON.stringify(found.body)
    for (const value of personal(BOTH)) expect(text).not.toContain(value)
    expect(text).not.toMatch(/1980|32\.01|Leuwiliang|nama|nik/i)
  })

  it('a woman’s birth date matches the day plus 40 in her NIK', async () => {
    const found = await check({ kk: WOMAN.no_kk, birthDate: '1975-03-12' })
    expect(found.status).toBe(200)
    expect(found.body.programs).toEqual([
      { program: 'BPNT', status: 'ACTIVE' },
      { program: 'PKH', status: 'NOT_LISTED' },
      { program: 'PBI', status: 'NOT_LISTED' },
    ])
  })

  it('the page shows the programs by POST, with neither the KK nor the date in the URL or beside the result', async () => {
    const form = await (await fetch(`${platform.url}/cek-kpm`)).text()
    expect(form).toMatch(/<form method="post" action="\/cek-kpm">/)
    expect(form).toContain('name="kk"')
    expect(form).toContain('name="birthDate"')
    const response = await checkPage(BOTH.no_kk, '1980-07-05')
    expect(response.status).toBe(200)
    const page = await response.text()
    expect(page).toMatch(/Bantuan Pangan Non Tunai \(BPNT\/Sembako\)\s*:\s*<strong>Terdaftar aktif<\/strong>/)
    expect(page).toMatch(/PBI-JK\)\s*:\s*<strong>Tidak terdaftar<\/strong>/)
    for (const value of personal(BOTH)) expect(page).not.toContain(value)
    expect(page).not.toContain('1980-07-05')
  })
})

describe('a miss', () => {
  it('a wrong birth date and a KK no KPM holds get one and the same 404, on the API and on the page', async () => {
    const wrongDate = await check({ kk: WOMAN.no_kk, birthDate: '1975-03-13' })
    const unknownKk = await check({ kk: UNKNOWN_KK, birthDate: '1975-03-12' })
    // The right day and month a year off: the NIK's two year digits differ.
    const wrongYear = await check({ kk: BOTH.no_kk, birthDate: '1979-07-05' })
    for (const answer of [wrongDate, unknownKk, wrongYear]) expect(answer.status).toBe(404)
    expect(new Set([wrongDate, unknownKk, wrongYear].map((a) => JSON.stringify(a.body))).size).toBe(1)

    const pageWrong = await checkPage(WOMAN.no_kk, '1975-03-13')
    const pageUnknown = await checkPage(UNKNOWN_KK, '1975-03-13')
    expect(pageWrong.status).toBe(404)
    expect(pageUnknown.status).toBe(404)
    // The same page but for the KK typed back into its field.
    const strip = (html: string, kk: string) => html.replaceAll(kk, 'KK')
    expect(strip(await pageWrong.text(), WOMAN.no_kk)).toBe(strip(await pageUnknown.text(), UNKNOWN_KK))
  })
})

describe('guessing the birth date of one KK', () => {
  it('5 misses lock the KK for 24 hours, the right date and the page included; a KK no KPM holds locks alike', async () => {
    const lonely = '3201140101108888'
    for (let miss = 1; miss <= 5; miss += 1) {
      expect(
        (await check({ kk: GUESSED.no_kk, birthDate: `1980-07-${String(miss).padStart(2, '0')}` })).status,
      ).toBe(404)
      expect((await check({ kk: lonely, birthDate: '1980-07-15' })).status).toBe(404)
    }
    const locked = await check({ kk: GUESSED.no_kk, birthDate: '1980-07-15' })
    expect(locked.status).toBe(429)
    expect(locked.body).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    expect(Number(locked.retryAfter)).toBeGreaterThan(23 * 3600)
    expect(JSON.stringify(locked.body)).not.toMatch(/PKH|ACTIVE|programs/)
    const lonelyLocked = await check({ kk: lonely, birthDate: '1980-07-15' })
    expect(lonelyLocked.status).toBe(429)
    expect(lonelyLocked.body).toEqual(locked.body)
    expect((await checkPage(GUESSED.no_kk, '1980-07-15')).status).toBe(429)
    // Another family is not locked by its neighbour's guesses.
    expect((await check({ kk: BOTH.no_kk, birthDate: '1980-07-05' })).status).toBe(200)

    await driver.advance(23 * 3600)
    expect((await check({ kk: GUESSED.no_kk, birthDate: '1980-07-15' })).status).toBe(429)
    await driver.advance(3600 + 1)
    const open = await check({ kk: GUESSED.no_kk, birthDate: '1980-07-15' })
    expect(open.status).toBe(200)
    expect(open.body.programs).toContainEqual({ program: 'PKH', status: 'ACTIVE' })
  })

  it('hits give their attempt back: a family that checks every day is never locked', async () => {
    const right = { kk: FREQUENT.no_kk, birthDate: '1990-08-20' }
    const typo = { kk: FREQUENT.no_kk, birthDate: '1990-08-02' }
    for (let miss = 0; miss < 4; miss += 1) expect((await check(typo)).status).toBe(404)
    for (let hit = 0; hit < 3; hit += 1) expect((await check(right)).status).toBe(200)
    // The fifth miss, not the eighth check, is what locks.
    expect((await check(typo)).status).toBe(404)
    expect((await check(right)).status).toBe(429)
  })
})

describe('bad input', () => {
  it('answers 400 with the field path: a KK not of 16 digits, an impossible date, a date in the future, an unknown field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kk: '320114010110031', birthDate: '1980-07-05' }, 'kk'],
      [{ kk: '32011401011003x1', birthDate: '1980-07-05' }, 'kk'],
      [{ birthDate: '1980-07-05' }, 'kk'],
      [{ kk: BOTH.no_kk, birthDate: '1980-02-30' }, 'birthDate'],
      [{ kk: BOTH.no_kk, birthDate: '05-07-1980' }, 'birthDate'],
      [
        { kk: BOTH.no_kk, birthDate: new Date(nowMs() + 3 * 86_400_000).toISOString().slice(0, 10) },
        'birthDate',
      ],
      [{ kk: BOTH.no_kk, birthDate: '1980-07-05', nik: BOTH.nik }, 'nik'],
    ]
    for (const [body, path] of cases) {
      const answer = await check(body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.error.code).toBe('VALIDATION_FAILED')
      expect(answer.body.error.details.map((d) => d.path)).toContain(path)
    }
    // Bad input is no miss: the family can still check (the lock counts only real lookups).
    expect((await check({ kk: BOTH.no_kk, birthDate: '1980-07-05' })).status).toBe(200)
    const page = await checkPage('1234', '1980-02-30')
    expect(page.status).toBe(400)
    const html = await page.text()
    expect(html).toContain('id="f-kk-error"')
    expect(html).toContain('id="f-birthDate-error"')
  })
})

describe('the audit', () => {
  it('records each check on the KK’s chain as KPM_CHECKED with the result and programs only: no KK, date or person', async () => {
    const kkRef = nikRefOf(BOTH.no_kk, await nikPepper())
    await check({ kk: BOTH.no_kk, birthDate: '1980-07-05' })
    await check({ kk: BOTH.no_kk, birthDate: '1980-07-09' })
    const token = await login(platform.url, 'auditor.bogor')
    const response = await fetch(`${platform.url}/api/audit?entityId=kpm-check:${kkRef}&limit=100`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    const { items } = (await response.json()) as {
      items: {
        action: string
        area: string
        actor: { role: string }
        after: { result: string; programs: string[] }
      }[]
    }
    expect(items.length).toBeGreaterThanOrEqual(2)
    for (const entry of items) {
      expect(entry.action).toBe('KPM_CHECKED')
      expect(entry.actor.role).toBe('resident')
      expect(entry.area).toBe('32.01.14')
    }
    expect(items.map((entry) => entry.after)).toEqual(
      expect.arrayContaining([
        { result: 'FOUND', programs: expect.arrayContaining(['BPNT', 'PKH']) },
        { result: 'NOT_FOUND', programs: [] },
      ]),
    )
    const text = JSON.stringify(items)
    for (const value of [...personal(BOTH), '1980-07-05', '1980-07-09', BOTH.no_kk.slice(6, 12)])
      expect(text).not.toContain(value)
    const verify = await fetch(`${platform.url}/api/audit/verify?entityId=kpm-check:${kkRef}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(await verify.json()).toMatchObject({ valid: true })
  })
})

describe('the per-IP budget', () => {
  it('the page and the API draw on one budget: past it, 429 RATE_LIMITED with Retry-After', async () => {
    process.env.RATE_LIMIT_PER_MINUTE = '4'
    try {
      // Start at the beginning of a minute of the project clock so the burst stays in one window.
      const secondsIntoMinute = new Date(nowMs()).getUTCSeconds()
      if (secondsIntoMinute > 45) await driver.advance(61 - secondsIntoMinute)
      // Each check names another KK, so no KK's lock trips here.
      const kk = (i: number) => `32011401011077${String(i).padStart(2, '0')}`
      const statuses: number[] = []
      for (let i = 0; i < 4; i += 1)
        statuses.push(
          i % 2 === 0
            ? (await check({ kk: kk(i), birthDate: '1980-07-05' })).status
            : (await checkPage(kk(i), '1980-07-05')).status,
        )
      expect(statuses).toEqual([404, 404, 404, 404])
      const refused = await check({ kk: kk(4), birthDate: '1980-07-05' })
      expect(refused.status).toBe(429)
      expect(Number(refused.retryAfter)).toBeGreaterThan(0)
      expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } })
      expect((await checkPage(kk(5), '1980-07-05')).status).toBe(429)
    } finally {
      process.env.RATE_LIMIT_PER_MINUTE = '0'
    }
  })
})
