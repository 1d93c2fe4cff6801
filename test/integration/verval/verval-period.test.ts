/**
 * One verval period end to end on the local platform (issue 21 "Done when"): the TKSK of
 * Leuwiliang sends the desa links, one desa's part carries the chain's protected columns,
 * another desa's part conflicts with the TKSK's own rows and the composition is refused
 * naming both sources; fixed, the batch is validated, approved and applied. Ciampea never
 * uploads and is reminded, then escalated, on the project clock. Dinsos issues the Berita
 * Acara (identifiers masked, birth year only) and records it signed, then exports the
 * period for the national system once.
 */
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { desaRows, linkOf, mailOf, todayWib, uploadByLink } from './desa-part-driver'
import { deadlineMails, moveTo, putDay, startEarlyInMonth } from './pengesahan-driver'
import { createVervalDriver, csvOf, currentPeriod, type SheetRow } from './verval-driver'

let platform: TestPlatform
/** A driver signed in afresh: sessions end after 8 hours of project clock. */
const staff = () => createVervalDriver(() => platform.url)

const LEUWILIANG = '32.01.14.2001'
const PURASARI = '32.01.14.2002'
const KAREHKEL = '32.01.14.2011'
const TKSK_CIAMPEA = 'tksk.ciampea@dinsos.bogorkab.local'
const DINSOS = 'rehsos@dinsos.bogorkab.local'

const ACCOUNT = '0021000301301'
const MOTHER = 'Siti Rohimah'
/** Desa Leuwiliang's musdes part, with the chain's columns (two protected like NIK). */
const leuwiliangPart: SheetRow[] = desaRows(301, 2, LEUWILIANG).map((row, index) => ({
  ...row,
  id_dtsen_keluarga: `320114000000030${index + 1}`,
  tempat_lahir: 'Bogor',
  no_rekening: index === 0 ? ACCOUNT : '0021000301302',
  nama_ibu_kandung: index === 0 ? MOTHER : 'Euis Komariah',
}))
const [purasariFamily] = desaRows(311, 1, PURASARI) as [SheetRow]
/** The TKSK's rows: Karehkel has no part of its own, and Purasari's family is reported again. */
const tkskRows = (purasari: SheetRow): SheetRow[] => [...desaRows(321, 1, KAREHKEL), purasari]
const allRows = [...leuwiliangPart, purasariFamily, ...tkskRows(purasariFamily).slice(0, 1)]

let period = ''
let batchId = ''

const post = (username: string, path: string, body: unknown) =>
  staff().call(username, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const compose = (rows: readonly SheetRow[]) =>
  staff().call('tksk.leuwiliang', `/api/verval-desa/compose?program=BPNT&period=${period}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csvOf(rows),
  })

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('one verval period from the desa links to the national export', () => {
  it('the admin sets the pengesahan day early in the month', async () => {
    await startEarlyInMonth(staff())
    period = currentPeriod()
    expect((await putDay(staff(), 'admin.bogor', 25)).status).toBe(200)
  })

  it('the TKSK mails the desa links; two desa upload their musdes parts, one with the protected columns', async () => {
    const sent = await post('tksk.leuwiliang', '/api/verval-desa/links', { program: 'BPNT', period })
    expect(sent.status).toBe(200)
    expect(((await sent.json()) as { sent: string[] }).sent).toEqual(
      expect.arrayContaining([LEUWILIANG, PURASARI]),
    )
    const driver = staff()
    expect((await uploadByLink(await linkOf(driver, LEUWILIANG), leuwiliangPart)).status).toBe(200)
    expect((await uploadByLink(await linkOf(driver, PURASARI), [purasariFamily])).status).toBe(200)
  })

  it('a composition where the TKSK reports a Purasari family differently is refused, naming both sources', async () => {
    const refused = await compose(tkskRows({ ...purasariFamily, aksi: 'UBAH' }))
    expect(refused.status).toBe(400)
    const { error } = (await refused.json()) as { error: { details: { path: string; message: string }[] } }
    const conflict = error.details.find((detail) => detail.path === 'rows.3.nik')
    expect(conflict?.message).toContain(`Desa Purasari (musdes ${todayWib()}) baris 2`)
    expect(conflict?.message).toContain('TKSK baris 3 (aksi BARU lawan UBAH)')
  })

  it('fixed, the batch is composed from both parts and the TKSK rows, validated, approved and applied', async () => {
    const composed = await compose(tkskRows(purasariFamily))
    expect(composed.status).toBe(202)
    batchId = ((await composed.json()) as { batchId: string }).batchId
    const driver = staff()
    expect(await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).toMatchObject({
      status: 'AWAITING_APPROVAL',
      rows: allRows.length,
      errorCount: 0,
    })
    expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
    await driver.waitFor(batchId, ['APPLIED'])
    const shown = JSON.stringify(await driver.registry('32.01.14'))
    expect(shown).toContain(leuwiliangPart[0]?.nama)
    for (const secret of [ACCOUNT, MOTHER]) expect(shown).not.toContain(secret)
  })

  it('Ciampea never uploads: its TKSK is reminded before the day and Dinsos gets the escalation on it', async () => {
    await moveTo(staff(), `${period}-20`)
    const reminded = await deadlineMails(staff(), TKSK_CIAMPEA, period, 1)
    expect(reminded.map((mail) => mail.subject)).toEqual([
      `[Verval ${period}] Pengingat: Kec. Ciampea belum mengunggah verval periode ${period}`,
    ])
    await moveTo(staff(), `${period}-25`)
    const escalated = (await deadlineMails(staff(), DINSOS, period, 2)).map((mail) => mail.subject)
    expect(escalated).toContain(
      `[Verval ${period}] Eskalasi: Kec. Ciampea belum mengunggah verval periode ${period}`,
    )
    // No mail of the period (approval, reminders, escalations) carries the protected columns.
    const driver = staff()
    const mails = (
      await Promise.all(
        [DINSOS, 'tksk.leuwiliang@dinsos.bogorkab.local', mailOf(LEUWILIANG)].map((to) => driver.outbox(to)),
      )
    ).flat()
    expect(mails.some((mail) => mail.subject.includes(batchId))).toBe(true)
    for (const mail of mails)
      for (const secret of [ACCOUNT, MOTHER]) expect(mail.text, mail.subject).not.toContain(secret)
    const response = await staff().call('dinsos.bogor', '/api/pengesahan?area=32.01')
    expect(await response.json()).toMatchObject({
      deadline: `${period}-25`,
      kecamatan: [
        { kecamatan: '32.01.14', state: 'APPROVED' },
        { kecamatan: '32.01.15', state: 'UPLOADED_NONE' },
      ],
    })
  })

  it('the Berita Acara shows the changes masked with the birth year only, and is recorded signed', async () => {
    const issued = await post('dinsos.bogor', '/api/berita-acara', { area: '32.01', program: 'BPNT', period })
    expect(issued.status).toBe(201)
    expect(await issued.json()).toMatchObject({ revision: 1, batchIds: [batchId] })
    const state = await staff().call(
      'dinsos.bogor',
      `/api/berita-acara?area=32.01&program=BPNT&period=${period}`,
    )
    const { figures } = (await state.json()) as {
      figures: { totals: Record<string, number>; changes: Record<string, unknown>[] }
    }
    expect(figures.totals).toMatchObject({ BARU: allRows.length })
    const first = leuwiliangPart[0] as SheetRow
    expect(figures.changes.find((change) => change.nama === first.nama)).toMatchObject({
      nik: `${first.nik.slice(0, 6)}******${first.nik.slice(12)}`,
      noKk: `${first.no_kk.slice(0, 6)}******${first.no_kk.slice(12)}`,
      birthYear: 1980,
    })
    const page = await (
      await staff().call('dinsos.bogor', `/staff/berita-acara?area=32.01&program=BPNT&period=${period}`)
    ).text()
    // The paper lists the family by its masked NIK, never the full one nor its birth date.
    expect(page).toContain(`${first.nik.slice(0, 6)}******${first.nik.slice(12)}`)
    expect(Object.keys(figures.changes[0] ?? {})).not.toContain('birthDate')
    const paper = `${JSON.stringify(figures)}\n${page}`
    for (const row of allRows) {
      expect(paper).not.toContain(row.nik)
      expect(paper).not.toContain(row.no_kk)
    }
    for (const secret of [ACCOUNT, MOTHER]) expect(paper).not.toContain(secret)

    const signed = await post('dinsos.bogor', '/api/berita-acara/tanda-tangan', {
      area: '32.01',
      program: 'BPNT',
      period,
      revision: 1,
      signedOn: todayWib(),
      signerName: 'H. Rudy Susmanto',
      scanReference: 'ARSIP/BA/2026/021',
    })
    expect(signed.status).toBe(200)
    const pengesahan = await staff().call('dinsos.bogor', '/api/pengesahan?area=32.01')
    expect(await pengesahan.json()).toMatchObject({ unsignedPrograms: [] })
  })

  it('the national export holds the period’s rows and marks the batch sent; a second export without includeSent is refused', async () => {
    const exportOnce = () =>
      post('dinsos.bogor', '/api/verval/export', { program: 'BPNT', period, purpose: 'unggah SIKS-NG' })
    const response = await exportOnce()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const exportId = response.headers.get('x-export-id') ?? ''
    const [header = [], ...rows] = parse((await response.text()).replace(/^\uFEFF/, '')) as string[][]
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)])
    expect(column('NIK_PENGURUS').sort()).toEqual(allRows.map((row) => row.nik).sort())
    expect(column('PERIODE')).toEqual(allRows.map(() => period))
    // The national upload carries the protected columns in full.
    expect(column('NO_REKENING')).toContain(ACCOUNT)
    expect(column('NAMA_IBU_KANDUNG')).toContain(MOTHER)
    expect(await staff().batch(batchId)).toMatchObject({
      sentToNational: { exportId, by: 'dinsos.bogor' },
      sendCount: 1,
    })
    const again = await exportOnce()
    expect(again.status).toBe(409)
  })
})
