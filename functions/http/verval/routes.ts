/** The routes of verval batches and the KPM registry, spread into the route table. */
import { kpmCheckBodySchema } from '../../core/kpm/kpm-check'
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { kpmListQuerySchema } from '../kpm/schemas'
import { KPM_CHECK_RATE_BUDGET } from '../rate-budgets'
import type { Route } from '../runtime/route'
import {
  decisionBodySchema,
  errorsQuerySchema,
  nationalExportBodySchema,
  presignBodySchema,
  revealRowBodySchema,
  uploadQuerySchema,
} from './schemas'

export const vervalRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/verval',
    resource: 'verval',
    action: 'upload',
    maxBodyBytes: MAX_VERVAL_BYTES,
    doc: {
      summary:
        'A TKSK submits the verval of their kecamatan (text/csv or XLSX, or JSON {uploadId} of a file put ' +
        'through POST /api/verval/uploads); 202 with the batch id',
      query: uploadQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/verval/uploads',
    resource: 'verval',
    action: 'presignUpload',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary: 'A presigned PUT URL for a verval file of up to 5 MiB (for files too large for a request)',
      body: presignBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/verval/{batchId}',
    resource: 'verval',
    action: 'detail',
    doc: { summary: 'A verval batch: status, rows, error count and summary (by desa)' },
  },
  {
    method: 'GET',
    path: '/api/verval/{batchId}/errors',
    resource: 'verval',
    action: 'errors',
    doc: {
      summary: 'The error report of a batch: JSON, or ?format=csv (Accept: text/csv) / ?format=xlsx',
      query: errorsQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/verval/{batchId}/decision',
    resource: 'verval',
    action: 'decide',
    doc: {
      summary: 'The Dinsos approver approves or rejects (with reason) a batch awaiting approval',
      body: decisionBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/verval/{batchId}/reveal',
    resource: 'verval',
    action: 'revealVervalRow',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'One row of a batch unmasked (NIK, KK, KKS, bank account, mother’s name) for TKSK and Dinsos, ' +
        'with a purpose recorded as PII_READ on the batch’s chain',
      body: revealRowBodySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/verval/export',
    resource: 'verval',
    action: 'nationalExport',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'Dinsos exports the period’s approved changes of its kabupaten/kota in the national upload’s layout ' +
        '(CSV or XLSX, full identity numbers, accounts and mothers’ names; audited as NATIONAL_EXPORT with the ' +
        'purpose); the batches carried are marked sent and left out of the next export unless includeSent',
      body: nationalExportBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/kpm',
    resource: 'kpm',
    action: 'list',
    doc: {
      summary: 'The KPM registry of a kecamatan and program, with each record’s history',
      query: kpmListQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/kpm/check',
    rateLimit: 'public',
    rateBudget: KPM_CHECK_RATE_BUDGET,
    // Served by the residents' function (capped, already holding the grants a lookup with a
    // lockout, an audit entry and the pepper needs), not by the staff registry function,
    // whose reserved capacity a public flood must not take (ADR 0030).
    resource: 'cases',
    action: 'kpmCheck',
    maxBodyBytes: 1024,
    doc: {
      summary:
        'A resident checks whether the family is a KPM: KK number and the pengurus’s birth date → each program and ACTIVE or NOT_LISTED, nothing else. No such KK and a wrong birth date are the same 404; 5 misses for one KK lock it for 24 h (429)',
      body: kpmCheckBodySchema,
    },
  },
]
