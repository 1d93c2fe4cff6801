/** The routes of verval batches and the KPM registry, spread into the route table. */
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { kpmListQuerySchema } from '../kpm/schemas'
import type { Route } from '../runtime/route'
import { decisionBodySchema, errorsQuerySchema, presignBodySchema, uploadQuerySchema } from './schemas'

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
    method: 'GET',
    path: '/api/kpm',
    resource: 'kpm',
    action: 'list',
    doc: {
      summary: 'The KPM registry of a kecamatan and program, with each record’s history',
      query: kpmListQuerySchema,
    },
  },
]
