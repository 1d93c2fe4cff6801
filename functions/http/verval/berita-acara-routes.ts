/** The Berita Acara routes (issue 21.3, ADR 0035), served by the verval function; spread into the route table. */
import type { Route } from '../runtime/route'
import { beritaAcaraQuerySchema, beritaAcaraSignSchema } from './berita-acara'
import { beritaAcaraScopeSchema } from '../../core/verval/berita-acara'

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
    resource: 'verval',
    action: 'staffBeritaAcara',
    doc: { summary: 'Page: the printable Berita Acara of a scope (`?area=&program=&period=`), A4' },
  },
  {
    method: 'POST',
    path: '/staff/berita-acara',
    resource: 'verval',
    action: 'submitBeritaAcaraIssue',
    maxBodyBytes: 4 * 1024,
    doc: { summary: 'Page: issues the Berita Acara (the issue API), 303 back' },
  },
  {
    method: 'POST',
    path: '/staff/berita-acara/tanda-tangan',
    resource: 'verval',
    action: 'submitBeritaAcaraSignature',
    maxBodyBytes: 4 * 1024,
    doc: { summary: 'Page: records the signed paper (the signature API), 303 back' },
  },
]
