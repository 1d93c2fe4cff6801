/** The Berita Acara routes (issue 21.3, ADR 0035), served by the verval function; spread into the route table. */
import type { Route } from '../runtime/route'
import { beritaAcaraQuerySchema, beritaAcaraSignSchema } from './berita-acara'
import { beritaAcaraScopeSchema } from '../../core/verval/berita-acara'
import { pengesahanDaySchema } from '../../core/verval/pengesahan'
import { pengesahanQuerySchema } from './pengesahan'

/** With the pengesahan deadline's (issue 21.5): its state (verval function) and its day (admin function). */
export const beritaAcaraRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/berita-acara',
    resource: 'verval',
    action: 'showBeritaAcara',
    doc: {
      summary:
        'The Berita Acara Daftar KPM Perubahan of a kecamatan or kabupaten/kota, program and period: approved and waiting batches, the current revision with its figures',
      query: beritaAcaraQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/berita-acara',
    resource: 'verval',
    action: 'issueBeritaAcara',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'Dinsos issues the Berita Acara of the approved batches (201 a new revision with its verification code; 200 the current one when nothing changed)',
      body: beritaAcaraScopeSchema,
    },
  },
  {
    method: 'POST',
    path: '/api/berita-acara/tanda-tangan',
    resource: 'verval',
    action: 'signBeritaAcara',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'Dinsos records the signed paper of a revision (date, signer, scan reference), once; 409 after',
      body: beritaAcaraSignSchema,
    },
  },
  {
    method: 'GET',
    path: '/staff/berita-acara',
    resource: 'pages',
    action: 'staffBeritaAcara',
    doc: { summary: 'Page: the printable Berita Acara of a scope (`?area=&program=&period=`), A4' },
  },
  {
    method: 'POST',
    path: '/staff/berita-acara',
    resource: 'pages',
    action: 'submitBeritaAcaraIssue',
    maxBodyBytes: 4 * 1024,
    doc: { summary: 'Page: issues the Berita Acara (the issue API), 303 back' },
  },
  {
    method: 'POST',
    path: '/staff/berita-acara/tanda-tangan',
    resource: 'pages',
    action: 'submitBeritaAcaraSignature',
    maxBodyBytes: 4 * 1024,
    doc: { summary: 'Page: records the signed paper (the signature API), 303 back' },
  },
  {
    method: 'GET',
    path: '/api/pengesahan',
    resource: 'verval',
    action: 'showPengesahan',
    doc: {
      summary:
        'Each kecamatan of a kabupaten/kota against the period’s pengesahan day: uploaded, awaiting approval, approved; the Berita Acara not signed',
      query: pengesahanQuerySchema,
    },
  },
  {
    method: 'GET',
    path: '/staff/pengesahan',
    resource: 'pages',
    action: 'staffPengesahan',
    doc: { summary: 'Page: each kecamatan against the pengesahan day (`?area=` a kabupaten/kota)' },
  },
  {
    method: 'GET',
    path: '/api/admin/pengesahan/{kabupaten}',
    resource: 'admin',
    action: 'getPengesahanDay',
    doc: { summary: 'The monthly pengesahan day of a kabupaten/kota (default 25 until its admin sets it)' },
  },
  {
    method: 'PUT',
    path: '/api/admin/pengesahan/{kabupaten}',
    resource: 'admin',
    action: 'putPengesahanDay',
    maxBodyBytes: 1024,
    doc: {
      summary: 'Sets the monthly pengesahan day (1–28) and starts the reminders (audited PENGESAHAN_DAY_SET)',
      body: pengesahanDaySchema,
    },
  },
  {
    method: 'GET',
    path: '/staff/admin/pengesahan',
    resource: 'admin',
    action: 'pengesahanPage',
    doc: { summary: 'Page: the admin sets the monthly pengesahan day (the pengesahan API)' },
  },
  {
    method: 'POST',
    path: '/staff/admin/pengesahan',
    resource: 'admin',
    action: 'savePengesahanPage',
    maxBodyBytes: 1024,
    doc: { summary: 'Page: saves the pengesahan day (PUT /api/admin/pengesahan/{kabupaten}), 303 back' },
  },
]
