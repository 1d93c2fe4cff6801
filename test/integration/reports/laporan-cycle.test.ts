/**
 * The laporan bulanan that travels (issue 16 item 5, ADR 0039): the TKSK opens, writes
 * and submits the month's report, Dinsos returns it with a note or acknowledges it, every
 * move audited and mailed through the outbox; unsent, it is reminded one hari kerja before
 * its due date and escalated to Dinsos at it, on the project clock, each mailed once.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { previousMonth } from '../../../functions/core/laporan/laporan-deadline'
import { advanceClockTo } from '../../support/advance-clock'
import { clearOfMonthEnd } from '../../support/month-start'
import { login, useTestPlatform } from '../../support/platform'
import { createAdminClient, type ErrorBody } from '../admin/admin-client'
import { currentPeriod } from '../verval/verval-driver'

const { url } = useTestPlatform()
const { call } = createAdminClient(url)

interface Laporan {
  laporanId: string
  status: string
  narrative: { masalah: string; tindakLanjut: string }
  dueAt: string
  remindAt: string
  returnNote?: string
  version: number
}
interface Mail {
  subject: string
  text: string
}

// The month reported on must hold the whole file's run: set once the platform has started.
let month = ''
let LEUWILIANG = ''
let CIAMPEA = ''
beforeAll(async () => {
  await clearOfMonthEnd(url())
  month = currentPeriod()
  LEUWILIANG = `/api/laporan/32.01.14/${month}`
  CIAMPEA = `/api/laporan/32.01.15/${month}`
})
const NARRATIVE = {
  masalah: 'Banyak lansia terlantar di Desa Karehkel belum terdata.',
  tindakLanjut: 'Koordinasi dengan PSM desa untuk pendataan minggu depan.',
}

const pathsOf = (body: unknown) => (body as ErrorBody).error.details?.map((d) => d.path)

const outbox = async (to: string): Promise<Mail[]> =>
  (
    (await (await fetch(`${url()}/api/dev/outbox?to=${encodeURIComponent(to)}`)).json()) as {
      items: Mail[]
    }
  ).items

/** The mails to `to` about a kecamatan's laporan whose subject says `what`, once at least one has been sent. */
const mailsAbout = async (to: string, kecamatan: string, what: string): Promise<Mail[]> => {
  for (let attempt = 0; attempt < 150; attempt++) {
    const found = (await outbox(to)).filter(
      (m) => m.subject.includes(`Laporan ${kecamatan} ${month}`) && m.subject.includes(what),
    )
    if (found.length > 0) return found
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no mail "${what}" about ${kecamatan} to ${to}`)
}

const advanceTo = (iso: string, beyondSeconds: number) =>
  advanceClockTo(url(), Date.parse(iso) + beyondSeconds * 1000)

const auditActions = async (laporanId: string, caller = call) =>
  (
    await caller<{ items: { action: string; actor: { id: string } }[] }>(
      'GET',
      `/api/audit?entityId=${encodeURIComponent(`laporan:${laporanId}`)}`,
      'auditor.bogor',
    )
  ).body.items.map((e) => `${e.action} ${e.actor.id}`)

describe('the laporan bulanan of a TKSK', () => {
  it('is opened by the TKSK as a draft due on the 5th hari kerja of the next month, once', async () => {
    const opened = await call<Laporan>('POST', LEUWILIANG, 'tksk.leuwiliang')
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({
      status: 'DRAFT',
      narrative: { masalah: '', tindakLanjut: '' },
      version: 1,
    })
    expect(opened.body.remindAt < opened.body.dueAt).toBe(true)
    expect(opened.body.dueAt.slice(0, 7) > month).toBe(true)
    const again = await call<Laporan>('POST', LEUWILIANG, 'tksk.leuwiliang')
    expect(again.status).toBe(200)
    expect(again.body.laporanId).toBe(opened.body.laporanId)
  })

  it('refuses bad input with the field path, and a submission without its narrative', async () => {
    // A month before the previous one is past its due date: its workflow would escalate at once.
    const oldMonth = `/api/laporan/32.01.14/${previousMonth(previousMonth(month))}`
    const old = await call('POST', oldMonth, 'tksk.leuwiliang')
    expect(old.status).toBe(400)
    expect(pathsOf(old.body)).toEqual(['month'])
    expect((await call<{ status: string }>('GET', oldMonth, 'tksk.leuwiliang')).body.status).toBe('MISSING')
    const unknown = await call('POST', `${LEUWILIANG}/narasi`, 'tksk.leuwiliang', { ...NARRATIVE, extra: 1 })
    expect(unknown.status).toBe(400)
    expect(pathsOf(unknown.body)).toContain('extra')
    const missing = await call('POST', `${LEUWILIANG}/narasi`, 'tksk.leuwiliang', { masalah: 'x' })
    expect(missing.status).toBe(400)
    expect(pathsOf(missing.body)).toEqual(['tindakLanjut'])
    const badMonth = await call('GET', '/api/laporan/32.01.14/2026-13', 'tksk.leuwiliang')
    expect(badMonth.status).toBe(400)
    expect(pathsOf(badMonth.body)).toEqual(['month'])
    const empty = await call('POST', `${LEUWILIANG}/kirim`, 'tksk.leuwiliang')
    expect(empty.status).toBe(400)
    expect(pathsOf(empty.body)).toEqual(['narrative.masalah', 'narrative.tindakLanjut'])
  })

  it('is submitted by the TKSK, returned by Dinsos with a note, corrected, submitted again and acknowledged', async () => {
    expect((await call('POST', `${LEUWILIANG}/narasi`, 'tksk.leuwiliang', NARRATIVE)).status).toBe(200)
    expect((await call('POST', `${LEUWILIANG}/terima`, 'dinsos.bogor')).status).toBe(409)
    const submitted = await call<Laporan>('POST', `${LEUWILIANG}/kirim`, 'tksk.leuwiliang')
    expect(submitted.body.status).toBe('SUBMITTED')
    const [submittedMail] = await mailsAbout('rehsos@dinsos.bogorkab.local', '32.01.14', 'dikirim')
    // The mailed link opens the page where Dinsos accepts or returns it, not the figures page.
    const link = /https?:\/\/\S+\/staff\/\S+/.exec(submittedMail?.text ?? '')?.[0]
    expect(link).toBeDefined()
    const linked = await fetch(String(link), {
      headers: { cookie: `session=${await login(url(), 'dinsos.bogor')}` },
    })
    expect(linked.status).toBe(200)
    const linkedPage = await linked.text()
    expect(linkedPage).toContain('name="aksi" value="terima"')
    expect(linkedPage).toContain('name="aksi" value="kembalikan"')

    const frozen = await call('POST', `${LEUWILIANG}/narasi`, 'tksk.leuwiliang', NARRATIVE)
    expect(frozen.status).toBe(409)
    expect((await call('POST', `${LEUWILIANG}/terima`, 'tksk.leuwiliang')).status).toBe(403)
    const shortNote = await call('POST', `${LEUWILIANG}/kembalikan`, 'dinsos.bogor', { note: 'no' })
    expect(shortNote.status).toBe(400)
    expect(pathsOf(shortNote.body)).toEqual(['note'])

    const returned = await call<Laporan>('POST', `${LEUWILIANG}/kembalikan`, 'dinsos.bogor', {
      note: 'Lengkapi jumlah lansia yang ditemukan per desa.',
    })
    expect(returned.body).toMatchObject({
      status: 'RETURNED',
      returnNote: 'Lengkapi jumlah lansia yang ditemukan per desa.',
    })
    const [returnMail] = await mailsAbout('tksk.leuwiliang@dinsos.bogorkab.local', '32.01.14', 'dikembalikan')
    expect(returnMail?.text).toContain('Lengkapi jumlah lansia')

    // The correction names a person by NIK in each part: both are stored masked.
    const corrected = {
      masalah: `${NARRATIVE.masalah} Karehkel 12 orang, Leuwiliang 7 orang; Ibu Sari NIK 3201144101800001.`,
      tindakLanjut: `${NARRATIVE.tindakLanjut} Cek KK 3201 1401 0180 0002 ke desa.`,
    }
    expect((await call('POST', `${LEUWILIANG}/narasi`, 'tksk.leuwiliang', corrected)).status).toBe(200)
    const stored = await call<{ laporan: Laporan }>('GET', LEUWILIANG, 'tksk.leuwiliang')
    expect(stored.body.laporan.narrative).toEqual({
      masalah: `${NARRATIVE.masalah} Karehkel 12 orang, Leuwiliang 7 orang; Ibu Sari NIK 320114******0001.`,
      tindakLanjut: `${NARRATIVE.tindakLanjut} Cek KK 320114******0002 ke desa.`,
    })
    expect((await call<Laporan>('POST', `${LEUWILIANG}/kirim`, 'tksk.leuwiliang')).body.status).toBe(
      'SUBMITTED',
    )
    const acknowledged = await call<Laporan>('POST', `${LEUWILIANG}/terima`, 'dinsos.bogor')
    expect(acknowledged.body.status).toBe('ACKNOWLEDGED')
    await mailsAbout('tksk.leuwiliang@dinsos.bogorkab.local', '32.01.14', 'diterima')
    expect(await mailsAbout('rehsos@dinsos.bogorkab.local', '32.01.14', 'dikirim')).toHaveLength(2)

    expect(await auditActions(submitted.body.laporanId)).toEqual([
      'LAPORAN_OPENED tksk.leuwiliang',
      'LAPORAN_NARRATIVE_SAVED tksk.leuwiliang',
      'LAPORAN_SUBMITTED tksk.leuwiliang',
      'LAPORAN_RETURNED dinsos.bogor',
      'LAPORAN_NARRATIVE_SAVED tksk.leuwiliang',
      'LAPORAN_SUBMITTED tksk.leuwiliang',
      'LAPORAN_ACKNOWLEDGED dinsos.bogor',
    ])
  })

  it('is read with its figures by the TKSK and Dinsos, and is not found by another kecamatan or kabupaten', async () => {
    // A PPKS the TKSK found in the month counts in its report (the register, ADR 0038).
    const found = await call('POST', '/api/ppks', 'tksk.leuwiliang', {
      subject: 'PERSON',
      category: 'LANSIA_TERLANTAR',
      name: 'Mbah Karsih',
      desa: '32.01.14.2001',
    })
    expect(found.status).toBe(201)
    const own = await call<{ status: string; contents: { ppksFound: number; kegiatan: { total: number } } }>(
      'GET',
      LEUWILIANG,
      'tksk.leuwiliang',
    )
    expect(own.status).toBe(200)
    expect(own.body.status).toBe('ACKNOWLEDGED')
    expect(own.body.contents.ppksFound).toBe(1)
    expect((await call('GET', LEUWILIANG, 'dinsos.bogor')).status).toBe(200)
    expect((await call('GET', LEUWILIANG, 'tksk.ciampea')).status).toBe(404)
    expect((await call('GET', LEUWILIANG, 'dinsos.bandarlampung')).status).toBe(404)
    expect((await call('POST', LEUWILIANG, 'dinsos.bogor')).status).toBe(403)
  })

  it('unsent, reminds the TKSK one hari kerja before its due date and escalates to Dinsos at it, each mailed once', async () => {
    const opened = await call<Laporan>('POST', CIAMPEA, 'tksk.ciampea')
    expect(opened.status).toBe(201)
    const { remindAt, dueAt, laporanId } = opened.body

    await advanceTo(remindAt, 60)
    const reminders = await mailsAbout('tksk.ciampea@dinsos.bogorkab.local', '32.01.15', 'Pengingat')
    expect(reminders).toHaveLength(1)

    await advanceTo(dueAt, 60)
    const escalations = await mailsAbout('rehsos@dinsos.bogorkab.local', '32.01.15', 'Eskalasi')
    expect(escalations).toHaveLength(1)

    // A day later nothing is sent again, and the dashboard's list shows Ciampea late.
    await advanceTo(new Date(Date.parse(dueAt) + 86_400_000).toISOString(), 0)
    expect(await mailsAbout('tksk.ciampea@dinsos.bogorkab.local', '32.01.15', 'Pengingat')).toHaveLength(1)
    expect(await mailsAbout('rehsos@dinsos.bogorkab.local', '32.01.15', 'Eskalasi')).toHaveLength(1)
    // Sessions end after 8 hours: the users sign in again on the moved clock.
    const later = createAdminClient(url).call
    const list = await later<{ items: { kecamatan: string; status: string; late: boolean }[] }>(
      'GET',
      `/api/laporan?area=32.01&month=${month}`,
      'dinsos.bogor',
    )
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ kecamatan: '32.01.15', status: 'DRAFT', late: true }),
    )
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ kecamatan: '32.01.14', status: 'ACKNOWLEDGED', late: false }),
    )
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ kecamatan: '32.01.01', status: 'MISSING', late: true }),
    )
    // The Dinsos dashboard of the month the report fell due in names the late and missing ones.
    const dashboard = await fetch(`${url()}/staff/dashboard`, {
      headers: { cookie: `session=${await login(url(), 'dinsos.bogor')}` },
    })
    const block =
      /<section aria-labelledby="laporan-bulanan">(.*?)<\/section>/s.exec(await dashboard.text())?.[1] ?? ''
    expect(block).toContain('1 dari')
    expect(block).toMatch(/Ciampea<\/a>\s*—\s*Draf/)
    expect(block).not.toContain('Leuwiliang</a>')
    expect(await auditActions(laporanId, later)).toEqual([
      'LAPORAN_OPENED tksk.ciampea',
      'LAPORAN_REMINDED tksk-flow',
      'LAPORAN_ESCALATED tksk-flow',
    ])
  })
})
