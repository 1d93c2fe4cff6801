import { describe, expect, it } from 'vitest'
import type { User } from '../../../functions/core/identity/user'
import {
  type BatchPageModel,
  SHOWN_ERRORS,
  SHOWN_FAMILIES,
  vervalBatchPage,
} from '../../../functions/web/verval-batch-page'
import { vervalDesaSummary } from '../../../functions/web/verval-desa-summary'
import { vervalListPage } from '../../../functions/web/verval-list-page'
import { batchProgress, batchStatusLabel } from '../../../functions/web/verval-progress'
import { staffHeader } from '../../../functions/web/staff-layout'

const EVIL = `"><script>alert(1)</script>`
const user = (role: User['role'], area = '32.01.14'): User =>
  ({ id: 'u1', username: 'budi', role, area, email: 'b@example.org' }) as User
const ctx = { user: user('tksk'), csrf: 'token' }
const counts = { added: 0, updated: 0, removed: 0, unchanged: 0 }

const batchModel = (overrides: Partial<BatchPageModel['batch']> = {}, rest: Partial<BatchPageModel> = {}) =>
  ({
    batch: {
      batchId: '01KAAAAAAAAAAAAAAAAAAAAAAA',
      kecamatan: '32.01.14',
      program: 'BPNT',
      period: '2026-11',
      status: 'AWAITING_APPROVAL',
      rows: 2,
      errorCount: 0,
      summary: { ...counts, added: 2 },
      byDesa: { '32.01.14.2001': { ...counts, added: 2 } },
      createdAt: '2026-11-02T03:00:00.000Z',
      ...overrides,
    },
    errors: [],
    areaName: (code: string) => code,
    ...rest,
  }) satisfies BatchPageModel

const pageOf = (model: BatchPageModel) => vervalBatchPage(ctx, model).body ?? ''

describe('the verval views', () => {
  it('sum a batch up per desa by name, one row header per desa, in a scrollable region', () => {
    const names: Record<string, string> = { '32.01.14.2001': 'Cibodas', '32.01.14.2002': 'Sukamaju' }
    const table = vervalDesaSummary(
      { '32.01.14.2002': { ...counts, removed: 1 }, '32.01.14.2001': { ...counts, added: 2 } },
      (code) => names[code] ?? code,
    ).value
    expect(table).toMatch(/role="region" aria-label="Ringkasan per desa\/kelurahan"/)
    expect(table).toMatch(/<th scope="row">Cibodas<\/th>\s*<td>2<\/td>[\s\S]*<th scope="row">Sukamaju<\/th>/)
    expect(table).not.toContain('32.01.14.2001')
    expect(vervalDesaSummary({}, (code) => code).value).toContain('tersedia setelah validasi')
  })

  it('name every status in Bahasa Indonesia, and an unknown one by its code', () => {
    expect(batchStatusLabel('AWAITING_APPROVAL')).toBe('Menunggu persetujuan')
    expect(batchStatusLabel('APPLIED')).toBe('Diterapkan')
    expect(batchStatusLabel('INVALID')).toBe('Tidak valid')
    expect(batchStatusLabel('REJECTED')).toBe('Ditolak')
    expect(batchStatusLabel('SUPERSEDED')).toBe('Digantikan')
    expect(batchStatusLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW')
  })

  it('draw the progress line up to the current stage, or to where the batch ended', () => {
    const awaiting = batchProgress('AWAITING_APPROVAL').value
    expect(awaiting).toMatch(
      /Diunggah[\s\S]*Validasi[\s\S]*aria-current="step">\s*Menunggu persetujuan[\s\S]*todo">Diterapkan/,
    )
    const invalid = batchProgress('INVALID').value
    expect(invalid).toMatch(/done">Diunggah[\s\S]*aria-current="step">\s*Tidak valid/)
    expect(invalid).not.toContain('Menunggu persetujuan')
    expect(batchProgress('REJECTED').value).toMatch(/Validasi[\s\S]*aria-current="step">\s*Ditolak/)
  })

  it('tell on the batch page when the batch was sent to SIKS-NG, and how often', () => {
    const sent = {
      exportId: '01KEXPORTAAAAAAAAAAAAAAAAA',
      at: '2026-12-01T03:00:00.000Z',
      by: 'dinsos.bogor',
    }
    expect(pageOf(batchModel({ status: 'APPLIED' }))).not.toContain('Dikirim ke SIKS-NG')
    const once = pageOf(batchModel({ status: 'APPLIED', sentToNational: sent, sendCount: 1 })).replace(
      /\s+/g,
      ' ',
    )
    expect(once).toContain('Dikirim ke SIKS-NG')
    expect(once).toContain('ekspor 01KEXPORTAAAAAAAAAAAAAAAAA')
    expect(once).not.toContain('kali')
    expect(pageOf(batchModel({ status: 'APPLIED', sentToNational: sent, sendCount: 2 }))).toContain('2 kali')
  })

  it('reload the batch page by itself only while the workflow is running', () => {
    expect(pageOf(batchModel({ status: 'VALIDATING' }))).toContain(
      '<meta http-equiv="refresh" content="5" />',
    )
    expect(pageOf(batchModel({ status: 'APPLYING' }))).toContain('http-equiv="refresh"')
    expect(pageOf(batchModel({ status: 'AWAITING_APPROVAL' }))).not.toContain('http-equiv="refresh"')
  })

  it('name who rejected a batch by name, or by role, never by user id', () => {
    const rejection = {
      decision: 'REJECT' as const,
      reason: 'Data salah',
      by: 'dinsos.bogor',
      at: '2026-01-12T15:59:00.000Z',
    }
    const named = pageOf(
      batchModel({
        status: 'REJECTED',
        decision: { ...rejection, name: 'Dinsos Kab. Bogor', role: 'dinsos' },
      }),
    )
    expect(named).toContain('Ditolak oleh Dinsos Kab. Bogor: Data salah')
    const roleOnly = pageOf(
      batchModel({ status: 'REJECTED', decision: { ...rejection, role: 'dinsos_head' } }),
    )
    expect(roleOnly).toContain('Ditolak oleh Kepala Dinsos: Data salah')
    expect(pageOf(batchModel({ status: 'REJECTED', decision: rejection }))).not.toContain('dinsos.bogor')
    const timedOut = { ...rejection, reason: 'APPROVAL_TIMEOUT', by: 'tksk-flow', role: 'system' as const }
    expect(pageOf(batchModel({ status: 'REJECTED', decision: timedOut }))).toContain(
      'Ditolak oleh Sistem: APPROVAL_TIMEOUT',
    )
  })

  it('escape the error report and the families, and cut long lists with the count', () => {
    const errors = Array.from({ length: SHOWN_ERRORS + 5 }, (_, i) => ({
      row: i + 2,
      field: 'nama',
      code: 'X',
      message: EVIL,
    }))
    const family = { line: 2, nik: '320114******0001', nama: EVIL, kodeDesa: '32.01.14.2001' }
    const page = pageOf(
      batchModel(
        { status: 'INVALID', errorCount: errors.length },
        { errors, comparison: { diff: { added: [family], removed: [], missing: [], changed: [] } } },
      ),
    )
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;script&gt;')
    expect(page).toContain(`Ditampilkan ${SHOWN_ERRORS} dari ${SHOWN_ERRORS + 5} baris.`)
    expect(page).toContain('errors?format=csv')
    expect(page).toContain('errors?format=xlsx')
    expect(page).toContain('Keluarga baru (1)')
    expect(page).toContain('Belum ada verval yang diterapkan sebelumnya')
  })

  it('show an error’s message before its code, which a phone shows only after scrolling the table', () => {
    const errors = [
      { row: 5, field: 'nik', code: 'NIK_FORMAT', message: 'NIK harus terdiri dari 16 digit angka.' },
    ]
    const page = pageOf(batchModel({ status: 'INVALID', errorCount: 1 }, { errors }))
    expect(page).toMatch(
      /<th scope="col">Kolom<\/th>\s*<th scope="col">Pesan<\/th>\s*<th scope="col">Kode<\/th>/,
    )
    expect(page).toMatch(
      /<td>nik<\/td>\s*<td>NIK harus terdiri dari 16 digit angka\.<\/td>\s*<td>NIK_FORMAT<\/td>/,
    )
  })

  it('keep the batch page under 100 KB for a 20,000-row batch with errors and changes everywhere', () => {
    const errors = Array.from({ length: 20_000 }, (_, i) => ({
      row: i + 2,
      field: 'kode_desa',
      code: 'DESA_OUTSIDE_KECAMATAN',
      message: 'Desa/kelurahan 32.01.15.2001 tidak berada di kecamatan Anda; periksa kode desa.',
    }))
    const families = Array.from({ length: 20_000 }, (_, i) => ({
      line: i + 2,
      nik: '320114******0001',
      nama: 'Keluarga Bapak Muhammad Abdurrahman Wahid Saputra',
      kodeDesa: '32.01.14.2001',
    }))
    const changed = families.map((f) => ({
      ...f,
      fields: ['no_kk', 'nama', 'alamat', 'kode_desa', 'no_kks'] as never,
    }))
    const byDesa = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`32.01.14.${2001 + i}`, counts]))
    const page = pageOf(
      batchModel(
        { status: 'INVALID', errorCount: errors.length, byDesa },
        {
          errors,
          areaName: () => 'Nama Desa Yang Cukup Panjang Sekali',
          comparison: { diff: { added: families, removed: families, missing: families, changed } },
        },
      ),
    )
    expect(Buffer.byteLength(page)).toBeLessThan(100_000 - 8_000) // app.css is about 5 KB
    expect(page).toContain(`Ditampilkan ${SHOWN_FAMILIES} dari 20000 baris.`)
  })

  it('show the upload form only when given, with a label on every input and the CSRF token', () => {
    const list =
      vervalListPage(ctx, {
        items: [
          {
            batchId: 'B1',
            kecamatan: EVIL,
            program: 'PKH',
            period: '2026-11',
            status: 'INVALID',
            rows: 3,
            errorCount: 1,
            createdAt: '2026-11-02T03:00:00.000Z',
          },
        ],
        areaName: (code) => code,
        upload: { values: { period: '2026-11' }, errors: [{ path: 'file', message: EVIL }] },
      }).body ?? ''
    expect(list).toContain('enctype="multipart/form-data"')
    expect(list).toContain('name="_csrf" value="token"')
    for (const id of ['f-program', 'f-period', 'f-file']) expect(list).toContain(`<label for="${id}"`)
    expect(list).toContain('accept=".csv,.txt,.xlsx') // .txt: Excel's "Unicode Text" export (ADR 0012)
    expect(list).toContain('Tidak valid')
    expect(list).not.toContain('<script>')
    expect(list).toContain('TIDAK_MEMENUHI_SYARAT')
    const readOnly = vervalListPage(
      { ...ctx, user: user('dinsos', '32.01') },
      { items: [], areaName: (c) => c },
    ).body
    expect(readOnly).not.toContain('<form method="post" action="/staff/verval"')
  })

  it('put Verval in the staff menu of the roles that may read it', () => {
    for (const role of ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin'] as const)
      expect(staffHeader({ user: user(role), csrf: '' }).value).toContain('href="/staff/verval"')
  })
})
