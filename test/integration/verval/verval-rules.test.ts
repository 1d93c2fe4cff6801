import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XLSX_TYPE } from '../../../functions/core/spreadsheet/read-spreadsheet'
import { applyChunk } from '../../../functions/steps/verval/apply-chunk'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, csvOf, currentPeriod, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('verval rules across rows and batches', () => {
  it('a batch with one bad row of each kind is INVALID listing exactly those rows; the fixed file is accepted', async () => {
    const good = Array.from({ length: 4 }, (_, n) => family(100 + n))
    const bad = [
      family(200, '320114', { nik: '32011445078' }), // line 6: NIK_FORMAT
      family(201, '320114', { no_kk: '3201140101100000' }), // line 7: KK_SERIAL
      family(202, '320114', { kode_desa: '32.01.15.2001' }), // line 8: desa outside
      family(100, '320114', { no_kk: '3201140101109999' }), // line 9: NIK repeated (of line 2)
      family(203, '320114', { aksi: 'TAMBAH' }), // line 10
      family(204, '320114', { aksi: 'HAPUS' }), // line 11: no alasan
      family(205, '320114', { no_kks: '' }), // line 12: BPNT needs KKS
      family(206, '320114', { aksi: 'UBAH' }), // line 13: not in the registry
    ]
    const batchId = await driver.uploadOk(
      [...good, ...bad],
      'tksk.leuwiliang',
      'program=BPNT&period=' + currentPeriod(),
    )
    const invalid = await driver.waitFor(batchId, ['INVALID', 'AWAITING_APPROVAL'])
    expect(invalid.status).toBe('INVALID')
    const errors = await driver.errors(batchId)
    expect(errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '6:nik:NIK_FORMAT',
      '7:no_kk:KK_SERIAL',
      '8:kode_desa:DESA_OUTSIDE_KECAMATAN',
      '9:nik:NIK_REPEATED',
      '10:aksi:AKSI_INVALID',
      '11:alasan:ALASAN_REQUIRED',
      '12:no_kks:KKS_REQUIRED',
      '13:nik:KPM_NOT_FOUND',
    ])
    expect(invalid.errorCount).toBe(8)
    const csv = await (
      await driver.call('tksk.leuwiliang', `/api/verval/${batchId}/errors`, {
        headers: { accept: 'text/csv' },
      })
    ).text()
    expect(csv.replace('\ufeff', '').split('\r\n').slice(0, 2)).toEqual([
      'baris,kolom,kode,pesan',
      '6,nik,NIK_FORMAT,NIK harus terdiri dari 16 digit angka.',
    ])
    const csvLink = await driver.call('tksk.leuwiliang', `/api/verval/${batchId}/errors?format=csv`)
    expect(csvLink.headers.get('content-type')).toContain('text/csv')
    expect(await csvLink.text()).toBe(csv)
    const xlsx = await driver.call('tksk.leuwiliang', `/api/verval/${batchId}/errors?format=xlsx`)
    expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never)
    const sheet = workbook.worksheets[0]
    const cells = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1))
    expect(cells[0]).toEqual(['baris', 'kolom', 'kode', 'pesan'])
    expect(cells.slice(1).map((row) => row.slice(0, 3).join(':'))).toEqual(
      errors.map((e) => `${e.row}:${e.field}:${e.code}`),
    )
    expect(cells[1]?.[3]).toBe('NIK harus terdiri dari 16 digit angka.')

    // Fixed and re-uploaded: supersedes the INVALID batch and goes on to approval.
    const fixed = await driver.uploadOk(good)
    expect((await driver.waitFor(fixed, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
    expect((await driver.batch(batchId)).status).toBe('SUPERSEDED')

    // A new upload supersedes the one awaiting approval; its mailed link is dead.
    const ask = await driver.mail('rehsos@dinsos.bogorkab.local', fixed)
    expect(ask?.text).toContain('4 baru')
    const again = await driver.uploadOk(good)
    expect((await driver.batch(fixed)).status).toBe('SUPERSEDED')
    const link = ask?.links.find((l) => l.includes('/verval/keputusan/'))
    expect((await fetch(link ?? '')).status).toBe(410)

    // The Dinsos approves from the mailed link; afterwards the period is closed (409).
    await driver.waitFor(again, ['AWAITING_APPROVAL'])
    const mail = await driver.mail('rehsos@dinsos.bogorkab.local', again)
    const approveLink = mail?.links.find((l) => l.includes('/verval/keputusan/')) ?? ''
    // The mailed address is the link module's alias: 303 to /t/{linkId}, the secret kept.
    const moved = await fetch(approveLink, { redirect: 'manual' })
    const mailed = new URL(approveLink)
    expect(moved.status).toBe(303)
    expect(moved.headers.get('location')).toBe(
      `/t/${mailed.pathname.split('/').pop() ?? ''}?k=${mailed.searchParams.get('k') ?? ''}`,
    )
    expect((await fetch(approveLink)).status).toBe(200)
    expect((await driver.decideByLink(approveLink, 'APPROVE')).status).toBe(200)
    await driver.waitFor(again, ['APPLIED'])
    expect((await driver.upload('tksk.leuwiliang', csvOf(good))).status).toBe(409)
    const decidedPage = await fetch(approveLink)
    expect(decidedPage.status).toBe(409)
    // Told like a case task's: the decider's name and the time in Leuwiliang's zone.
    expect(await decidedPage.text()).toMatch(
      /sudah diputuskan oleh Dinsos Kab\. Bogor pada \w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/,
    )
  })

  it('a chunk re-run after a crash changes nothing: partial apply then the full run gives the uninterrupted registry', async () => {
    const rows = Array.from({ length: 40 }, (_, n) => family(300 + n))
    const query = `program=PKH&period=${currentPeriod()}`
    const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', query)
    await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    // The workflow must be parked on its approval wait before the batch is moved to
    // APPLYING behind its back: a workflow still in OpenApproval (or storing its token)
    // finds the batch APPLYING and goes on to apply it itself, racing the direct calls
    // below (idempotent, so the registry stays right, but the counts become a race).
    const { getBatch, getBatchToken, transition } = await import('../../../functions/data/batch-repository')
    let token: string | undefined
    for (let attempt = 0; attempt < 100 && !token; attempt++) {
      token = await getBatchToken(batchId)
      if (!token) await new Promise((r) => setTimeout(r, 100))
    }
    if (!token) throw new Error('the workflow never parked on the approval wait')
    const batch = await getBatch(batchId)
    if (!batch) throw new Error('batch not stored')
    // Simulate the crash: approved without waking the workflow, only the first rows applied as a dying run would.
    expect(
      await transition(
        batch,
        ['AWAITING_APPROVAL'],
        'APPLYING',
        { action: 'VERVAL_APPROVED', actor: { id: 'test', role: 'dinsos' }, correlationId: 'crash-test' },
        { at: new Date() },
      ),
    ).toBe(true)
    expect((await applyChunk({ batchId, from: 1, to: 15 })).changed).toBe(15)
    // The re-run of the same chunk changes nothing.
    expect((await applyChunk({ batchId, from: 1, to: 15 })).changed).toBe(0)
    // The resumed Map re-runs every chunk: only the rows not yet applied change.
    expect((await applyChunk({ batchId, from: 1, to: 40 })).changed).toBe(25)
    expect((await applyChunk({ batchId, from: 1, to: 40 })).changed).toBe(0)
    // Now the workflow itself resumes and runs its apply Map over the applied rows: it
    // changes nothing and closes the batch.
    const { resumeWait } = await import('../../../functions/flows/case/workflow-control')
    await resumeWait(token, batchId)
    expect((await driver.waitFor(batchId, ['APPLIED'])).status).toBe('APPLIED')
    const registry = await driver.registry('32.01.14', 'PKH')
    expect(registry).toHaveLength(40)
    expect(registry.map((kpm) => kpm.nama).sort()).toEqual(rows.map((r) => r.nama).sort())
    expect(registry.every((kpm) => kpm.status === 'ACTIVE' && kpm.lastBatchId === batchId)).toBe(true)
    expect(registry.every((kpm) => (kpm.history as unknown[]).length === 1)).toBe(true)
    // One audit entry per changed row, never two.
    const added = await driver.auditOf('KPM_ADDED', batchId)
    expect(added).toHaveLength(40)
    expect(new Set(added.map((entry) => entry.after?.line)).size).toBe(40)
  })

  it('a TKSK of another kecamatan can neither see nor upload for Leuwiliang', async () => {
    const batchId = await driver.uploadOk(
      [family(400)],
      'tksk.leuwiliang',
      `program=PBI&period=${currentPeriod()}`,
    )
    expect((await driver.call('tksk.ciampea', `/api/verval/${batchId}`)).status).toBe(404)
    expect((await driver.call('tksk.ciampea', `/api/verval/${batchId}/errors`)).status).toBe(404)
    expect((await driver.call('tksk.ciampea', '/api/kpm?area=32.01.14&program=BPNT')).status).toBe(403)
    // Ciampea's upload is for Ciampea: Leuwiliang's desa are outside it.
    const ciampea = await driver.uploadOk(
      [family(401)],
      'tksk.ciampea',
      `program=PBI&period=${currentPeriod()}`,
    )
    await driver.waitFor(ciampea, ['INVALID', 'AWAITING_APPROVAL'])
    // …and the TKSK of Leuwiliang cannot read Ciampea's report either.
    expect((await driver.call('tksk.leuwiliang', `/api/verval/${ciampea}/errors`)).status).toBe(404)
    expect((await driver.call('dinsos.bogor', `/api/verval/${ciampea}/errors`)).status).toBe(200)
    expect((await driver.upload('dinsos.bogor', csvOf([family(402)]))).status).toBe(403)
  })

  it('an upload is refused clearly: wrong header, empty file, wrong program, future period, other media type', async () => {
    const period = currentPeriod()
    const header = await driver.upload('tksk.leuwiliang', 'nik,nama\n1,2\n')
    expect(header.status).toBe(400)
    expect(JSON.stringify(await header.json())).toContain('Kolom yang tidak ada')
    expect((await driver.upload('tksk.leuwiliang', '')).status).toBe(400)
    expect(
      (await driver.upload('tksk.leuwiliang', csvOf([family(1)]), `program=XYZ&period=${period}`)).status,
    ).toBe(400)
    const [year, month] = period.split('-').map(Number) as [number, number]
    const future = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`
    const futureResponse = await driver.upload(
      'tksk.leuwiliang',
      csvOf([family(1)]),
      `program=BPNT&period=${future}`,
    )
    expect(futureResponse.status).toBe(400)
    expect(JSON.stringify(await futureResponse.json())).toContain('masa depan')
    expect(
      (await driver.upload('tksk.leuwiliang', '%PDF-1.7', `program=BPNT&period=${period}`, 'application/pdf'))
        .status,
    ).toBe(415)
    // JSON names a file already put in the upload bucket (ADR 0018); without its id it is a 400.
    expect(
      (await driver.upload('tksk.leuwiliang', '{}', `program=BPNT&period=${period}`, 'application/json'))
        .status,
    ).toBe(400)
  })

  it('rows that clash with the registry or repeat a KK are listed on their rows: BARU of a KPM active here, a KK held by another active KPM, a KK repeated in the file', async () => {
    // Families 100–103 are active BPNT KPM of Leuwiliang since the first test; this
    // period is closed, so the sheet is the previous month's.
    const [year, month] = currentPeriod().split('-').map(Number) as [number, number]
    const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
    const batchId = await driver.uploadOk(
      [
        family(100), // line 2: already active here
        family(810, '320114', { no_kk: family(101).no_kk }), // line 3: KK of an active KPM
        family(811),
        family(812, '320114', { no_kk: family(811).no_kk }), // line 5: KK repeated (of line 4)
      ],
      'tksk.leuwiliang',
      `program=BPNT&period=${previous}`,
    )
    expect((await driver.waitFor(batchId, ['INVALID', 'AWAITING_APPROVAL'])).status).toBe('INVALID')
    expect((await driver.errors(batchId)).map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '2:nik:KPM_ALREADY_ACTIVE',
      '3:no_kk:KK_ALREADY_ACTIVE',
      '5:no_kk:KK_REPEATED',
    ])
  })
})
