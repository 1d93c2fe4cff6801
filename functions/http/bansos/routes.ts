/**
 * The routes of complaints, proposals and objections (issue 15 item 4, ADR 0036), spread
 * into the route table: the public API and page (one per-IP budget, like the intake's
 * public limit), and the draft verval rows for staff (the verval function, ADR 0013).
 */
import { bansosBodySchema } from '../../core/bansos/bansos-schema'
import { BANSOS_RATE_BUDGET } from '../rate-budgets'
import type { Route } from '../runtime/route'
import { draftsQuerySchema } from './drafts'

export const bansosRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/bansos',
    rateLimit: 'public',
    rateBudget: BANSOS_RATE_BUDGET,
    resource: 'cases',
    action: 'bansosIntake',
    maxBodyBytes: 16 * 1024,
    doc: {
      summary:
        'A bansos complaint (PENGADUAN), proposal (USUL) or objection (SANGGAH) by anyone (ADR 0036): 201 {caseId, reference, accessCode, kind, status}; the status lookup follows it; Idempotency-Key honoured for 24 h',
      body: bansosBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/pengaduan',
    resource: 'pages',
    action: 'showBansosForm',
    doc: { summary: 'Page: "Pengaduan & Usulan Bansos", the form of `?jenis=pengaduan|usul|sanggah`' },
  },
  {
    method: 'POST',
    path: '/pengaduan',
    rateLimit: 'public',
    rateBudget: BANSOS_RATE_BUDGET,
    resource: 'pages',
    action: 'submitBansosForm',
    maxBodyBytes: 16 * 1024,
    doc: {
      summary:
        'Page: files a complaint, proposal or objection (the API use case); the reference and access code',
    },
  },
  {
    method: 'GET',
    path: '/api/verval/drafts',
    resource: 'verval',
    action: 'vervalDrafts',
    doc: {
      summary:
        'Draft verval rows of a kecamatan and period from bansos cases (ADR 0036); `format=csv` or Accept: text/csv gives the verval file’s columns',
      query: draftsQuerySchema,
    },
  },
  {
    method: 'GET',
    path: '/staff/verval/usulan',
    resource: 'verval',
    action: 'staffVervalDrafts',
    doc: { summary: 'Page: the draft verval rows to confirm in the next batch, with the CSV download' },
  },
]
