/**
 * Issue 18 point 1: no output lets the full NIK be rebuilt. The mask keeps digits 1–6
 * and 13–16 of `3201144507800042`; digits 7–12 (`450780`) are the birth date 5 July
 * 1980 with 40 added to the day, so they must never appear — neither as digits (plain
 * or typed with separators) nor as the day and month of birth beside a masked NIK.
 *
 * A full case runs on the local platform (intake whose description quotes the NIK with
 * spaces → assessment whose findings quote it with dots → approval → referral to the
 * Puskesmas → served → closed; the TKSK and Dinsos open their task pages while the
 * case waits on them), then every staff role renders every page and API answer it may ask for, every mailed link is opened, every mail, the audit review and
 * export, the public pages and the log lines are collected and grepped. Two doors are
 * sanctioned and audited: the staff reveal and the provider's referral pages (JAMKESDA
 * needs the NIK); they are checked to be on the chain as PII_READ and left out of the grep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logger } from '../../../functions/shared/logger'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody } from '../case/case-driver'
import { captureLogs, outboxFiles } from './output-capture'
import { createStaff } from './security-driver'

const NIK = '3201144507800042'
const KK = '3201140101100042'
const BIRTH_DATE = '1980-07-05'
/** Digits 7–12 of the NIK: the part the mask hides. */
const HIDDEN = NIK.slice(6, 12)
const MASKED = '320114******0042'

/** The day and month of birth as pages, mails and exports could write them. */
const BIRTH_DAY_MONTH = [
  /1980-07-05/,
  /\b0?5[-/. ]0?7[-/. ](?:19)?80\b/,
  /\b0?7\/0?5\/(?:19)?80\b/,
  /\b0?5 Juli?\b/i,
  /\b0?5 Jul(?:y)? 1980\b/i,
]

/** Digits joined across the separators people type (`3201 1445 0780`), to find a NIK split up. */
const joinedDigits = (text: string) => text.replace(/(\d)[\s.\-\u2010-\u2015/_]{1,3}(?=\d)/g, '$1')

const STAFF = [
  'tksk.leuwiliang',
  'dinsos.bogor',
  'kadinsos.bogor',
  'auditor.bogor',
  'auditor.pusat',
  'admin',
] as const

let platform: TestPlatform
let logs: ReturnType<typeof captureLogs> | undefined
let originalLogLevel: ReturnType<typeof logger.getLevelName> = 'WARN'
const driver = createDriver(() => platform.url)
const staff = createStaff(() => platform.url)

const seen: { source: string; text: string }[] = []
const collect = (source: string, text: string) => seen.push({ source, text })
/** Sources that may carry the full NIK: the audited doors. */
const isSanctioned = (source: string) => source.startsWith('provider link') || source === 'reveal'

const fetchText = async (source: string, url: string, init?: RequestInit) => {
  const response = await fetch(url, { redirect: 'manual', ...init })
  collect(source, await response.text())
  return response
}

const actOn = async (who: string, link: string, fields: Record<string, string>) => {
  expect((await fetchText(`${who} link page`, link)).status).toBe(200)
  const target = new URL(link)
  const answer = await fetchText(`${who} link answer`, `${platform.url}${target.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ k: target.searchParams.get('k') ?? '', ...fields }),
  })
  expect(answer.status).toBe(200)
}

/** Every page and API answer a staff member can ask about the case, as that member. */
const renderAllFor = async (username: string, caseId: string) => {
  const month = new Date().toISOString().slice(0, 7)
  const entity = encodeURIComponent(`case:${caseId}`)
  const api = [
    `/api/cases/${caseId}`,
    '/api/cases?area=32.01&limit=100',
    '/api/cases?area=32.01.14&limit=100',
    '/api/tasks',
    `/api/audit?entityId=${entity}&limit=100`,
    `/api/audit/export?entityId=${entity}`,
  ]
  for (const path of api) collect(`${username} GET ${path}`, await (await staff.get(username, path)).text())
  const pages = [
    `/staff/cases/${caseId}`,
    `/staff/cases/${caseId}/surat`,
    '/staff/cases',
    '/staff/tasks',
    '/staff/persetujuan',
    `/staff/audit?entityId=${entity}`,
    `/staff/audit/entitas?entityId=${entity}`,
    `/staff/dashboard?month=${month}`,
    `/staff/dashboard.csv?month=${month}`,
    '/staff/laporan',
    '/staff/laporan.csv',
  ]
  const cookie = `session=${await staff.tokenOf(username)}`
  for (const path of pages)
    await fetchText(`${username} page ${path}`, `${platform.url}${path}`, { headers: { cookie } })
}

/** The caller's open tasks, through the API and each task's staff page, while the case waits on them. */
const renderOpenTasks = async (username: string) => {
  const answer = await (await staff.get(username, '/api/tasks')).text()
  collect(`open tasks of ${username}: GET /api/tasks`, answer)
  const cookie = `session=${await staff.tokenOf(username)}`
  const { items } = JSON.parse(answer) as { items: { taskId: string }[] }
  for (const { taskId } of items)
    await fetchText(`open tasks of ${username}: page`, `${platform.url}/staff/tasks/${taskId}`, {
      headers: { cookie },
    })
  await fetchText(`open tasks of ${username}: approvals`, `${platform.url}/staff/persetujuan`, {
    headers: { cookie },
  })
  return items.length
}

beforeAll(async () => {
  logs = captureLogs()
  originalLogLevel = logger.getLevelName()
  logger.setLogLevel('DEBUG')
  platform = await startTestPlatform()
})
afterAll(async () => {
  logs?.stop()
  // The worker's next files share this logger (vitest.config.ts: no isolation).
  logger.setLogLevel(originalLogLevel)
  await platform?.dispose()
})

describe('no output of a full case lets the full NIK be rebuilt', () => {
  let caseId = ''
  let reference = ''
  let providerLinks: string[] = []
  const openTasksSeen: number[] = []

  // A whole case and ~120 renders: more than the default hook timeout on a busy machine.
  beforeAll(async () => {
    const intake = await driver.postJson(
      '/api/cases',
      intakeBody(
        { description: `Mohon bantuan, NIK saya 3201 1445 0780 0042 lahir ${BIRTH_DATE}` },
        { nik: NIK, kk: KK, birthDate: BIRTH_DATE },
      ),
    )
    const receiptText = await intake.text()
    collect('intake answer', receiptText)
    expect(intake.status).toBe(201)
    ;({ caseId, reference } = JSON.parse(receiptText) as { caseId: string; reference: string })

    const assessmentMail = await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    openTasksSeen.push(await renderOpenTasks('tksk.leuwiliang'))
    await actOn('tksk', driver.linkIn(assessmentMail), {
      visitDate: '2026-01-10',
      findings: 'Sesuai KTP 3201.1445.0780.0042, keluarga prasejahtera',
      eligible: 'true',
      service: 'JAMKESDA',
      notes: 'KK 3201-1401-0110-0042',
    })
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    const approvalMail = await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')
    openTasksSeen.push(await renderOpenTasks('dinsos.bogor'))
    await actOn('dinsos', driver.linkIn(approvalMail), {
      decision: 'APPROVE',
    })
    await driver.waitForStatus(reference, 'REFERRAL')
    const response = driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Tanggapan'))
    await actOn('provider link (response)', response, { response: 'ACCEPT' })
    const result = driver.linkIn(await driver.mail(EMAILS.puskesmas, reference, 'Laporan hasil'))
    await actOn('provider link (result)', result, { result: 'SERVED', notes: 'Terdaftar Jamkesda' })
    providerLinks = [response, result]
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    await driver.mail('siti@example.org', reference, 'selesai')

    // Every mailed link opened again after the case closed (decided pages).
    const mails = JSON.parse(await (await fetch(`${platform.url}/api/dev/outbox`)).text()) as {
      items: { to: string[]; links: string[] }[]
    }
    for (const mail of mails.items)
      for (const link of mail.links) {
        const provider = providerLinks.includes(link) || mail.to.includes(EMAILS.puskesmas)
        await fetchText(`${provider ? 'provider link' : 'mailed link'} ${new URL(link).pathname}`, link)
      }

    for (const username of STAFF) await renderAllFor(username, caseId)

    const revealed = await staff.post('dinsos.bogor', `/api/cases/${caseId}/reveal`, {
      purpose: 'verifikasi data kepesertaan',
    })
    collect('reveal', await revealed.text())

    const letterCode = (
      (await (await staff.get('dinsos.bogor', `/api/cases/${caseId}`)).json()) as { letterCode?: string }
    ).letterCode
    await fetchText('letter verification', `${platform.url}/v/${letterCode ?? ''}`)
    await fetchText('confirmation page', `${platform.url}/confirmation?reference=${reference}`)
    await fetchText('status page', `${platform.url}/status`)
    collect('status API', JSON.stringify((await driver.status(reference)).body))
    collect('dev outbox API', await (await fetch(`${platform.url}/api/dev/outbox`)).text())
    for (const file of outboxFiles(platform.dataDir)) collect(file.source, file.text)
    collect('log lines', logs?.lines.join('') ?? '')
  }, 240_000)

  it('collected every role’s view, every mail and link page, and the masked NIK in them', () => {
    const sources = seen.map((s) => s.source)
    for (const username of STAFF)
      expect(sources.filter((s) => s.startsWith(`${username} `)).length, username).toBe(17)
    expect(sources.filter((s) => s.endsWith('.eml')).length).toBeGreaterThanOrEqual(5)
    // The TKSK's assessment and the Dinsos approval were each seen as an open task page.
    expect(openTasksSeen).toEqual([1, 1])
    expect(sources.filter((s) => s.startsWith('mailed link ')).length).toBeGreaterThanOrEqual(3)
    // The grep is only worth something if the views did show the masked NIK.
    const withMask = seen.filter((s) => s.text.includes(MASKED)).map((s) => s.source)
    expect(withMask).toEqual(
      expect.arrayContaining([
        'tksk.leuwiliang GET /api/cases/' + caseId,
        `tksk.leuwiliang page /staff/cases/${caseId}`,
        `auditor.bogor page /staff/cases/${caseId}`,
        `dinsos.bogor page /staff/cases/${caseId}/surat`,
      ]),
    )
    // And the provider's pages and the reveal did carry the full NIK: the doors exist.
    expect(seen.filter((s) => s.text.includes(NIK)).map((s) => isSanctioned(s.source))).not.toContain(false)
    expect(seen.find((s) => s.source === 'reveal')?.text).toContain(BIRTH_DATE)
  })

  it('digits 7–12 of the NIK appear in no page, answer, mail, export or log line, plain or typed with separators', () => {
    const leaks = seen
      .filter((s) => !isSanctioned(s.source))
      .filter((s) => s.text.includes(HIDDEN) || joinedDigits(s.text).includes(HIDDEN))
      .map((s) => s.source)
    expect(leaks).toEqual([])
  })

  it('wherever a masked NIK or KK is shown, the day and month of birth are not', () => {
    const beside = seen
      .filter((s) => !isSanctioned(s.source) && /\d{6}\*{6}\d{4}/.test(s.text))
      .filter((s) => BIRTH_DAY_MONTH.some((pattern) => pattern.test(s.text)))
      .map((s) => s.source)
    expect(beside).toEqual([])
  })

  it('every role sees the year of birth beside the masked NIK, and the reveal shows the date', async () => {
    for (const username of STAFF) {
      const detail = (await (await staff.get(username, `/api/cases/${caseId}`)).json()) as {
        applicant?: Record<string, unknown>
      }
      expect(detail.applicant, username).toMatchObject({ nik: MASKED, birthYear: 1980 })
      expect(detail.applicant, username).not.toHaveProperty('birthDate')
    }
  })

  it('free text quoting the NIK was stored masked and the resident was told', async () => {
    const detail = (await (await staff.get('tksk.leuwiliang', `/api/cases/${caseId}`)).json()) as {
      description: string
      assessment: { findings: string; notes: string }
    }
    expect(detail.description).toContain(`NIK saya ${MASKED}`)
    expect(detail.assessment.findings).toBe(`Sesuai KTP ${MASKED}, keluarga prasejahtera`)
    expect(detail.assessment.notes).toBe(`KK ${MASKED}`)
    expect(JSON.parse(seen.find((s) => s.source === 'intake answer')?.text ?? '{}')).toMatchObject({
      descriptionMasked: true,
    })
  })

  it('each opening of the provider’s pages is on the chain as PII_READ for the referral', async () => {
    const reads = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
    const providerReads = reads.filter((e) => e.actor.id.startsWith('provider:'))
    const providerPages = seen.filter((s) => s.source.startsWith('provider link') && s.text.includes(NIK))
    expect(providerReads.length).toBe(providerPages.length)
    expect(providerReads.every((e) => e.after?.purpose === 'referral')).toBe(true)
    expect(reads.some((e) => e.actor.id === 'dinsos.bogor')).toBe(true)
  })
})
