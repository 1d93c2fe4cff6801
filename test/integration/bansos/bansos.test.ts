/**
 * "Pengaduan & Usulan Bansos" end to end (issue 15 item 4, ADR 0036): each kind filed
 * through the API, verified by the TKSK from the mailed link, and closed resolved,
 * forwarded with an email, or as a draft verval row; the filer's view; the staff scope;
 * bad input; the reminder, escalation and final deadline of the verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenCache, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, DAY, EMAILS } from '../case/case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)
const token = createTokenCache(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const CIBEBER = '32.01.14.2001'
const thisMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7)

const complaint = (overrides: Record<string, unknown> = {}) => ({
  kind: 'PENGADUAN',
  program: 'BPNT',
  complaintType: 'TIDAK_MENERIMA',
  period: thisMonth(),
  description: 'Bulan ini bantuan sembako belum diterima sama sekali.',
  complainant: {
    name: 'Ibu Warsih',
    address: 'Kp. Cibeber RT 01/02',
    villageCode: CIBEBER,
    phone: '081234567001',
    email: 'warsih@example.org',
  },
  consent: true,
  ...overrides,
})

const proposal = (overrides: Record<string, unknown> = {}) => ({
  kind: 'USUL',
  program: 'PKH',
  family: { name: 'Bapak Karta Wijaya', address: 'Kp. Cibeber RT 03/02', villageCode: CIBEBER },
  reason: 'Tiga anak sekolah, ayah buruh harian tanpa penghasilan tetap.',
  proposer: { name: 'Ketua RT 03', email: 'rt03@example.org' },
  consent: true,
  ...overrides,
})

const objection = (overrides: Record<string, unknown> = {}) => ({
  kind: 'SANGGAH',
  program: 'BPNT',
  subject: { name: 'Haji Sobari Rahmat', villageCode: CIBEBER },
  reason: 'MAMPU',
  description: 'Sudah punya toko bangunan dan dua mobil sejak tahun lalu.',
  objector: { email: 'warga.peduli@example.org' },
  consent: true,
  ...overrides,
})

interface Receipt {
  caseId: string
  reference: string
  accessCode: string
  kind: string
  status: string
}

const file = async (body: unknown): Promise<Receipt> => {
  const response = await driver.postJson('/api/bansos', body)
  expect(response.status).toBe(201)
  const receipt = (await response.json()) as Receipt
  driver.accessCodes.set(receipt.reference, receipt.accessCode)
  return receipt
}

const verify = async (reference: string, fields: Record<string, string>) => {
  const ask = await driver.mail(EMAILS.tksk, reference, 'Verifikasi')
  return driver.act(driver.linkIn(ask), fields)
}

const apiGet = async (path: string, username: string, accept = 'application/json') =>
  fetch(`${platform.url}${path}`, {
    headers: { authorization: `Bearer ${await token(username)}`, accept },
  })

describe('a KPM’s complaint', () => {
  it('is verified by the TKSK and closed as resolved; the complainant follows it by reference and access code', async () => {
    const receipt = await file(complaint())
    expect(receipt).toMatchObject({ kind: 'PENGADUAN', status: 'IDENTIFICATION' })
    const mailed = await driver.mail('warsih@example.org', receipt.reference, 'diterima')
    expect(mailed.text).toContain(receipt.accessCode)
    await driver.waitForStatus(receipt.reference, 'ASSESSMENT')

    const { page, response } = await verify(receipt.reference, {
      outcome: 'RESOLVED',
      findings: 'Bantuan tertahan di e-warong, sudah diserahkan hari ini.',
    })
    // The TKSK's link page says what to verify and whom to visit (an audited view, like the assessment's).
    const taskPage = await page.text()
    expect(taskPage).toContain('Pengaduan bansos')
    expect(taskPage).toContain('Tidak menerima bantuan')
    expect(taskPage).toContain('Ibu Warsih')
    expect(response.status).toBe(200)
    const closed = await driver.waitForStatus(receipt.reference, 'CLOSED', 'RESOLVED')
    expect(closed).toMatchObject({ kind: 'PENGADUAN', resolution: { outcome: 'RESOLVED' } })
    expect(JSON.stringify(closed)).not.toContain('e-warong')
  })

  it('forwarded to Dinsos mails the kabupaten’s Dinsos with the reference and the masked findings, in the closing of the verification', async () => {
    const receipt = await file(complaint({ complaintType: 'JUMLAH_KURANG' }))
    await verify(receipt.reference, {
      outcome: 'FORWARDED',
      forwardTo: 'DINSOS',
      findings: 'Jumlah beras yang diterima 5 kg, seharusnya 10 kg. KPM NIK 3201144507800042.',
    })
    const forwarded = await driver.mail(EMAILS.dinsos, receipt.reference, 'Diteruskan kepada Dinas Sosial')
    expect(forwarded.text).toContain('Jumlah bantuan kurang')
    expect(forwarded.text).toContain('5 kg')
    // A NIK typed into the findings leaves masked, as the case keeps it (DESIGN §5).
    expect(forwarded.text).toContain('320114******0042')
    expect(`${forwarded.text}${forwarded.html}`).not.toContain('3201144507800042')
    const closed = await driver.waitForStatus(receipt.reference, 'CLOSED', 'RESOLVED')
    expect(closed).toMatchObject({ resolution: { outcome: 'FORWARDED', forwardTo: 'DINSOS' } })
  })
})

describe('a proposal of a family', () => {
  it('becomes a draft BARU row of the kecamatan’s next batch, listed and downloadable as verval CSV rows', async () => {
    const receipt = await file(proposal())
    await verify(receipt.reference, {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'BARU',
      findings: 'Dikunjungi: layak PKH, tiga anak usia sekolah.',
    })
    await driver.waitForStatus(receipt.reference, 'CLOSED', 'RESOLVED')

    const list = await apiGet('/api/verval/drafts', 'tksk.leuwiliang')
    expect(list.status).toBe(200)
    const { items, kecamatan, period } = (await list.json()) as {
      items: Record<string, string>[]
      kecamatan: string
      period: string
    }
    expect({ kecamatan, period }).toEqual({ kecamatan: '32.01.14', period: thisMonth() })
    expect(items.find((d) => d.reference === receipt.reference)).toMatchObject({
      program: 'PKH',
      aksi: 'BARU',
      nama: 'Bapak Karta Wijaya',
      kodeDesa: CIBEBER,
      kind: 'USUL',
    })

    const csv = await (await apiGet('/api/verval/drafts?format=csv', 'tksk.leuwiliang')).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('nik,no_kk,nama,alamat,kode_desa,aksi,alasan,no_kks')
    expect(lines).toContain(`,,Bapak Karta Wijaya,Kp. Cibeber RT 03/02,${CIBEBER},BARU,,`)

    // Dinsos of the kabupaten names the kecamatan; another kecamatan's TKSK may not read it.
    expect((await apiGet('/api/verval/drafts?kecamatan=32.01.14', 'dinsos.bogor')).status).toBe(200)
    expect((await apiGet('/api/verval/drafts?kecamatan=32.01.14', 'tksk.ciampea')).status).toBe(403)
    const page = await apiGet('/staff/verval/usulan', 'tksk.leuwiliang', 'text/html')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(receipt.reference)
    // A client asking the page for CSV (the staff fuzz's counterexample: a 500) still gets the
    // page: the page reads the API's answer as JSON, whatever the browser prefers.
    const askedForCsv = await apiGet('/staff/verval/usulan', 'tksk.leuwiliang', 'text/csv')
    expect(askedForCsv.status).toBe(200)
    expect(await askedForCsv.text()).toContain(receipt.reference)
  })
})

describe('an objection to a listed KPM', () => {
  it('never shows the objected person to the filer; staff in scope see them, another kecamatan does not', async () => {
    const receipt = await file(objection())
    const ack = await driver.mail('warga.peduli@example.org', receipt.reference, 'diterima')
    expect(ack.text).not.toContain('Sobari')
    const { body } = await driver.status(receipt.reference, receipt.accessCode)
    expect(body).toMatchObject({ kind: 'SANGGAH' })
    for (const secret of ['Sobari', CIBEBER, 'toko bangunan', 'MAMPU'])
      expect(JSON.stringify(body)).not.toContain(secret)
    const page = await fetch(`${platform.url}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reference: receipt.reference, accessCode: receipt.accessCode }),
    })
    const html = await page.text()
    expect(html).toContain('Sanggahan penerima bansos')
    expect(html).not.toContain('Sobari')

    const detail = await apiGet(`/api/cases/${receipt.caseId}`, 'tksk.leuwiliang')
    expect(detail.status).toBe(200)
    expect(JSON.stringify(await detail.json())).toContain('Sobari')
    expect([403, 404]).toContain((await apiGet(`/api/cases/${receipt.caseId}`, 'tksk.ciampea')).status)
  })

  it('forwarded to the bank penyalur mails the address the TKSK names', async () => {
    const receipt = await file(objection())
    await verify(receipt.reference, {
      outcome: 'FORWARDED',
      forwardTo: 'BANK_PENYALUR',
      forwardEmail: 'penyaluran@bank.example.co.id',
      findings: 'Benar sudah mampu; mohon hentikan penyaluran melalui KKS.',
    })
    const mail = await driver.mail('penyaluran@bank.example.co.id', receipt.reference, 'Bank penyalur')
    expect(mail.text).toContain('Haji Sobari Rahmat')
    await driver.waitForStatus(receipt.reference, 'CLOSED', 'RESOLVED')
  })

  it('becomes a draft HAPUS row with its reason; its filer reads only that it was verified', async () => {
    const receipt = await file(objection({ program: 'PBI', reason: 'MENINGGAL' }))
    await verify(receipt.reference, {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'HAPUS',
      vervalReason: 'MENINGGAL',
      findings: 'Meninggal dunia bulan lalu, dikonfirmasi kepala desa.',
    })
    await driver.waitForStatus(receipt.reference, 'CLOSED', 'RESOLVED')
    const { items } = (await (await apiGet('/api/verval/drafts', 'tksk.leuwiliang')).json()) as {
      items: Record<string, string>[]
    }
    expect(items.find((d) => d.reference === receipt.reference)).toMatchObject({
      program: 'PBI',
      aksi: 'HAPUS',
      alasan: 'MENINGGAL',
    })
    // The decision is about another family: the objector learns it was verified, not what came of it.
    const { body } = await driver.status(receipt.reference, receipt.accessCode)
    expect(body).toMatchObject({ kind: 'SANGGAH', status: 'CLOSED', verified: true })
    expect(body).not.toHaveProperty('resolution')
    const page = await fetch(`${platform.url}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reference: receipt.reference, accessCode: receipt.accessCode }),
    })
    const html = await page.text()
    expect(html).toContain('Selesai diverifikasi')
    expect(html).not.toContain('Diusulkan dalam verval')
  })
})

describe('bad input', () => {
  const refused = async (body: unknown, path: string) => {
    const response = await driver.postJson('/api/bansos', body)
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } }
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details.map((d) => d.path)).toContain(path)
  }

  it('an unknown program is refused on `program`', () => refused(complaint({ program: 'BLT' }), 'program'))
  it('a proposal without desa is refused on `family.villageCode`', () =>
    refused(proposal({ family: { name: 'Bapak Karta', address: 'Kp. Cibeber' } }), 'family.villageCode'))
  it('a complaint on a closed period is refused on `period`', () =>
    refused(complaint({ period: '2020-01' }), 'period'))
  it('an unknown kind is refused on `kind`', () => refused(complaint({ kind: 'KELUHAN' }), 'kind'))
  it('a desa that does not exist is refused on its path', () =>
    refused(objection({ subject: { name: 'Fulan', villageCode: '32.01.14.9999' } }), 'subject.villageCode'))

  it('a verification turned into a draft without its action is refused beside the field, and nothing closes', async () => {
    const receipt = await file(proposal())
    const { response, html } = await verify(receipt.reference, {
      outcome: 'VERVAL_DRAFT',
      findings: 'Layak diusulkan.',
    })
    expect(response.status).toBe(400)
    expect(html).toContain('Pilih aksi verval')
    const { body } = await driver.status(receipt.reference)
    expect(body.status).toBe('ASSESSMENT')
  })
})

describe('a verification nobody does', () => {
  it('is reminded the day before due, escalated to Dinsos at due, and closed NOT_FULFILLED at the final deadline', async () => {
    const receipt = await file(complaint({ complaintType: 'KARTU_BERMASALAH' }))
    await driver.mail(EMAILS.tksk, receipt.reference, 'Verifikasi')
    const tasks = (await (await apiGet('/api/tasks', 'tksk.leuwiliang')).json()) as {
      items: { reference: string; dueAt: string }[]
    }
    const task = tasks.items.find((t) => t.reference === receipt.reference)
    expect(task).toBeDefined()
    const clock = (await (await driver.postJson('/api/dev/clock/advance', { seconds: 1 })).json()) as {
      now: string
    }
    const untilReminder = (Date.parse(task?.dueAt ?? '') - DAY * 1000 - Date.parse(clock.now)) / 1000
    await driver.advance(Math.ceil(untilReminder) + 60)
    await driver.mail(EMAILS.tksk, receipt.reference, 'Pengingat')
    await driver.advance(DAY)
    await driver.mail(EMAILS.dinsos, receipt.reference, 'melewati batas waktu')
    await driver.advance(31 * DAY)
    await driver.waitForStatus(receipt.reference, 'CLOSED', 'NOT_FULFILLED')
  })
})
