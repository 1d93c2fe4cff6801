/** The routes of the laporan bulanan (issue 16 item 5, ADR 0039), served by the `registers` resource. */
import {
  laporanListQuerySchema,
  laporanNarrativeSchema,
  laporanReturnSchema,
} from '../../core/laporan/laporan-schema'
import type { Route } from '../runtime/route'

const laporan = (method: Route['method'], path: string, action: string, doc: Route['doc']): Route => ({
  method,
  path,
  resource: 'registers',
  action,
  doc,
})

const ONE = '/api/laporan/{kecamatan}/{month}'

export const laporanRoutes: readonly Route[] = [
  laporan('GET', '/api/laporan', 'listLaporanSubmissions', {
    summary:
      'Where each kecamatan’s laporan of a month stands in a kabupaten/kota (missing and late included)',
    query: laporanListQuerySchema,
  }),
  laporan('GET', ONE, 'showLaporan', {
    summary:
      'The laporan bulanan of a kecamatan: its figures, narrative and status (MISSING when not opened)',
  }),
  laporan('POST', ONE, 'openMonthlyLaporan', {
    summary:
      'The TKSK opens the month’s laporan (DRAFT, due the 5th hari kerja of the next month): 201, or 200 when open',
  }),
  laporan('POST', `${ONE}/narasi`, 'saveLaporanNarrative', {
    summary: 'The TKSK writes the narrative (masalah, tindak lanjut) while DRAFT or RETURNED; 409 otherwise',
    body: laporanNarrativeSchema,
  }),
  laporan('POST', `${ONE}/kirim`, 'submitMonthlyLaporan', {
    summary: 'The TKSK submits the laporan to Dinsos (mailed through the outbox); audited LAPORAN_SUBMITTED',
  }),
  laporan('POST', `${ONE}/terima`, 'acknowledgeMonthlyLaporan', {
    summary: 'Dinsos acknowledges a submitted laporan; audited LAPORAN_ACKNOWLEDGED',
  }),
  laporan('POST', `${ONE}/kembalikan`, 'returnMonthlyLaporan', {
    summary: 'Dinsos returns a submitted laporan with a note; audited LAPORAN_RETURNED',
    body: laporanReturnSchema,
  }),
  laporan('GET', '/staff/laporan-bulanan', 'laporanListPage', {
    summary: 'Page: a kecamatan’s laporan with its forms, a kabupaten’s submissions, or a province’s roll-up',
  }),
  laporan('POST', '/staff/laporan-bulanan', 'submitLaporanPage', {
    summary: 'Page form: opens, writes, submits, acknowledges or returns a laporan (field `aksi`)',
  }),
  laporan('GET', '/api/provinsi/rekap', 'provinceRollUp', {
    summary:
      'The roll-up of a province’s kabupaten/kota: cases, verval, PPKS found and laporan submission rates',
    query: laporanListQuerySchema,
  }),
]
