/**
 * Issue 5 acceptance: no full NIK or No. KK leaves the system except through the two
 * audited doors (the staff reveal and the provider's referral page). A whole case runs
 * (intake of a sensitive category → assessment → approval → referral → result →
 * closed, plus a staff reveal whose purpose even quotes the NIK), and everything it
 * produced is collected and grepped: every outgoing mail (outbox JSON and the .eml
 * files, MIME-decoded), every HTML page fetched (link pages, thanks pages, status
 * page), the case's audit entries (review API and CSV export) and every log line the
 * in-process platform wrote. The referral service chosen (rehabilitation) shows the
 * provider no identity numbers, so no page at all may carry them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logger } from '../../../functions/shared/logger'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody } from '../case/case-driver'
import { createVervalDriver, currentPeriod, family } from '../verval/verval-driver'
import { captureLogs, outboxFiles } from './output-capture'
import { createStaff } from './security-driver'

const NIK = '3201144507800777'
const KK = '3201140101100777'
const SECRETS = [NIK, KK]

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const staff = createStaff(() => platform.url)

/** Everything collected during the run, by where it came from. */
const seen: { source: string; text: string }[] = []
const collect = (source: string, text: string) => seen.push({ source, text })

let logs: ReturnType<typeof captureLogs> | undefined
let originalLogLevel: ReturnType<typeof logger.getLevelName> = 'WARN'

const fetchPage = async (source: string, url: string, init?: RequestInit) => {
  const response = await fetch(url, init)
  collect(source, await response.text())
  return response
}

/** Opens a mailed link (GET) and posts its form, keeping both pages. */
const actOn = async (source: string, link: string, fields: Record<string, string>) => {
  expect((await fetchPage(`${source} page`, link)).status).toBe(200)
  const target = new URL(link)
  const response = await fetchPage(`${source} answer`, `${platform.url}${target.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ k: target.searchParams.get('k') ?? '', ...fields }),
  })
  expect(response.status).toBe(200)
}

beforeAll(async () => {
  logs = captureLogs()
  // Every level, so that a NIK in a debug or info line would be seen too.
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

describe('the full NIK and KK of a case appear nowhere but the audited reveal', () => {
  let caseId = ''
  let reference = ''

  beforeAll(async () => {
    ;({ caseId, reference } = await driver.submitCase(
      intakeBody({ category: 'KORBAN_NAPZA', service: 'REHABILITASI_SOSIAL' }, { nik: NIK, kk: KK }),
    ))
    // A refused intake with the same numbers: error paths log and answer too.
    const refused = await driver.postJson('/api/cases', intakeBody({ consent: false }, { nik: NIK, kk: KK }))
    expect(refused.status).toBe(400)

    await actOn('assessment', driver.linkIn(await driver.mail(EMAILS.tksk, reference, 'Asesmen')), {
      visitDate: '2026-01-10',
      findings: 'Perlu rehabilitasi rawat jalan',
      eligible: 'true',
      service: 'REHABILITASI_SOSIAL',
    })
    await driver.waitForStatus(reference, 'RECOMMENDATION')
    await actOn('approval', driver.linkIn(await driver.mail(EMAILS.dinsos, reference, 'Persetujuan')), {
      decision: 'APPROVE',
    })
    await driver.waitForStatus(reference, 'REFERRAL')
    await actOn('referral', driver.linkIn(await driver.mail(EMAILS.rehsos, reference, 'Tanggapan')), {
      response: 'ACCEPT',
    })
    await actOn('result', driver.linkIn(await driver.mail(EMAILS.rehsos, reference, 'Laporan hasil')), {
      result: 'SERVED',
      notes: 'Rawat jalan selesai',
    })
    await driver.waitForStatus(reference, 'CLOSED', 'FULFILLED')
    await driver.mail('siti@example.org', reference, 'selesai')

    // The one sanctioned door, used with a purpose that itself quotes the NIK.
    const revealed = await staff.post('dinsos.bogor', `/api/cases/${caseId}/reveal`, {
      purpose: `cocokkan NIK ${NIK} dengan KK ${KK}`,
    })
    expect(((await revealed.json()) as { applicant: { nik: string } }).applicant.nik).toBe(NIK)
    collect('case detail (masked)', await (await staff.get('tksk.leuwiliang', `/api/cases/${caseId}`)).text())

    collect(
      'status page',
      await (
        await fetch(`${platform.url}/status`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ reference, accessCode: driver.accessCodes.get(reference) ?? '' }),
        })
      ).text(),
    )
    collect('status API', JSON.stringify((await driver.status(reference)).body))
    collect(
      'audit API',
      await (await staff.get('auditor.bogor', `/api/audit?entityId=case:${caseId}&limit=100`)).text(),
    )
    collect(
      'audit export',
      await (await staff.post('auditor.bogor', '/api/audit/export', { entityId: `case:${caseId}` })).text(),
    )
    collect('dev outbox API', await (await fetch(`${platform.url}/api/dev/outbox`)).text())
    for (const file of outboxFiles(platform.dataDir)) collect(file.source, file.text)
    // A line that carries the NIK on purpose: the logger must mask it, and it proves the capture works.
    logger.debug('nik grep probe', { probe: `applicant ${NIK}` })
    collect('log lines', logs?.lines.join('') ?? '')
  })

  it('collected every kind of output of the run', () => {
    const sources = seen.map((s) => s.source)
    expect(sources.filter((s) => s.endsWith('.eml')).length).toBeGreaterThanOrEqual(5)
    expect(sources.filter((s) => s.endsWith('.json')).length).toBeGreaterThanOrEqual(5)
    expect(sources.filter((s) => s.endsWith(' page')).length).toBe(5)
    expect(logs?.lines.join('')).toMatch(/nik grep probe.*320114\*{6}0777/)
    // The grep would be empty-handed if the run had not touched the numbers at all.
    const masked = seen.filter((s) => s.text.includes('320114******0777')).map((s) => s.source)
    expect(masked).toEqual(expect.arrayContaining(['case detail (masked)', 'audit API', 'audit export']))
  })

  it.each(SECRETS)('no mail, page, audit entry or log line holds %s', (secret) => {
    const leaks = seen.filter((s) => s.text.includes(secret)).map((s) => s.source)
    expect(leaks).toEqual([])
  })

  it('the reveal and each provider view are on the chain as PII_READ, the purpose masked', async () => {
    const reads = (await staff.auditOf(caseId)).filter((e) => e.action === 'PII_READ')
    const purposes = reads.map((e) => [e.actor.id, e.after?.purpose])
    expect(purposes).toEqual([
      // The TKSK's assessment link shows whom to visit (issue 19): name, address, phone.
      ['tksk.leuwiliang', 'asesmen'],
      ['provider:rehsos-bogor', 'referral'],
      ['provider:rehsos-bogor', 'referral'],
      ['dinsos.bogor', 'cocokkan NIK 320114******0777 dengan KK 320114******0777'],
    ])
    // Rehabilitation is served at an address: the provider saw no identity numbers.
    expect(reads[1]?.after).toMatchObject({
      fields: ['applicant.name', 'applicant.address', 'applicant.phone'],
    })
  })
})

/**
 * Issue 21 item 2: the bank account number and the mother's maiden name of a verval row
 * are protected like the NIK. A batch with a refused row (its error report downloaded)
 * and a sound batch that supersedes it go through approval and apply; every answer,
 * page, mail, audit entry and log line is grepped. The one door is the national export
 * (ADR 0034), audited as NATIONAL_EXPORT.
 */
describe('the full bank account and mother’s name of a verval row appear nowhere but the audited national export', () => {
  const ACCOUNT = '0021000777777'
  const MOTHER = 'Nyai Kurniasih'
  const REFUSED_ACCOUNT = '0021 0007 88888'
  const REFUSED_MOTHER = 'Euis Komariah'
  const VERVAL_NIK = '3201144507800778'
  const vervalSeen: { source: string; text: string }[] = []
  const keep = (source: string, text: string) => vervalSeen.push({ source, text })
  const verval = createVervalDriver(() => platform.url)
  const sound = family(778, '320114', {
    nik: VERVAL_NIK,
    no_rekening: ACCOUNT,
    nama_ibu_kandung: MOTHER,
    tempat_lahir: 'Bogor',
  })
  const refused = family(779, '320114', { no_rekening: REFUSED_ACCOUNT, nama_ibu_kandung: REFUSED_MOTHER })
  const query = `program=PKH&period=${currentPeriod()}`
  let batchId = ''

  const page = async (username: string, path: string) =>
    keep(
      `${username} page ${path}`,
      await (
        await fetch(`${platform.url}${path}`, {
          headers: { cookie: `session=${await staff.tokenOf(username)}` },
        })
      ).text(),
    )
  const api = async (username: string, path: string) =>
    keep(`${username} GET ${path}`, await (await staff.get(username, path)).text())

  beforeAll(async () => {
    const invalidId = await verval.uploadOk([refused], 'tksk.leuwiliang', query)
    expect((await verval.waitFor(invalidId, ['INVALID', 'AWAITING_APPROVAL'])).status).toBe('INVALID')
    for (const path of [`/api/verval/${invalidId}/errors`, `/api/verval/${invalidId}/errors?format=csv`])
      await api('tksk.leuwiliang', path)
    await page('tksk.leuwiliang', `/staff/verval/${invalidId}`)

    batchId = await verval.uploadOk([sound], 'tksk.leuwiliang', query)
    await verval.waitFor(batchId, ['AWAITING_APPROVAL'])
    const approval = await verval.mail(EMAILS.dinsos, batchId)
    const link = verval.approvalLinkIn(approval)
    keep('approval link page', await (await fetch(link)).text())
    keep('approval link answer', await (await verval.decideByLink(link, 'APPROVE')).text())
    await verval.waitFor(batchId, ['APPLIED'])

    for (const username of ['tksk.leuwiliang', 'dinsos.bogor', 'auditor.bogor']) {
      await api(username, `/api/verval/${batchId}`)
      await api(username, '/api/kpm?area=32.01.14&program=PKH&limit=100')
      await page(username, `/staff/verval/${batchId}`)
      await page(username, '/staff/verval')
    }
    await api('auditor.bogor', `/api/audit?entityId=batch:${batchId}&limit=100`)
    await api('auditor.bogor', '/api/audit?area=32.01.14&limit=100')
    keep('audit export', await (await staff.post('auditor.bogor', '/api/audit/export', {})).text())

    const exported = await staff.post('dinsos.bogor', '/api/verval/export', {
      program: 'PKH',
      period: currentPeriod(),
      purpose: 'unggah SIKS-NG',
    })
    expect(exported.status).toBe(200)
    keep('national export', await exported.text())
    keep('dev outbox API', await (await fetch(`${platform.url}/api/dev/outbox`)).text())
    for (const file of outboxFiles(platform.dataDir)) keep(file.source, file.text)
    keep('log lines', logs?.lines.join('') ?? '')
  }, 240_000)

  it('the views showed the masked values, and the export carried the full ones: the grep has something to find', () => {
    const masked = vervalSeen.filter((s) => s.text.includes('*********7777')).map((s) => s.source)
    expect(masked).toEqual(
      expect.arrayContaining(['dinsos.bogor GET /api/kpm?area=32.01.14&program=PKH&limit=100']),
    )
    expect(vervalSeen.find((s) => s.source === 'national export')?.text).toContain(ACCOUNT)
    expect(vervalSeen.find((s) => s.source === 'national export')?.text).toContain(MOTHER)
    expect(vervalSeen.filter((s) => s.source.endsWith('.eml')).length).toBeGreaterThanOrEqual(1)
    // The refused row's values went through validation and its report: refused on the account's shape.
    expect(vervalSeen.find((s) => s.source.endsWith('/errors'))?.text).toContain('"field":"no_rekening"')
  })

  it.each([ACCOUNT, MOTHER, REFUSED_ACCOUNT, REFUSED_MOTHER, VERVAL_NIK])(
    'no page, answer, mail, audit entry or log line but the export holds %s',
    (secret) => {
      const leaks = vervalSeen
        .filter((s) => s.source !== 'national export')
        .filter((s) => s.text.includes(secret))
        .map((s) => s.source)
      expect(leaks).toEqual([])
    },
  )

  it('the export is on the kabupaten’s export chain with its purpose and the fields it held in full', async () => {
    const response = await staff.get('auditor.bogor', '/api/audit?entityId=national-export:32.01&limit=10')
    const { items } = (await response.json()) as {
      items: { action: string; after: Record<string, unknown> }[]
    }
    expect(items.map((entry) => entry.action)).toEqual(['NATIONAL_EXPORT'])
    expect(items[0]?.after).toMatchObject({
      purpose: 'unggah SIKS-NG',
      batches: [batchId],
      fields: expect.arrayContaining(['no_rekening', 'nama_ibu_kandung']),
    })
  })
})
