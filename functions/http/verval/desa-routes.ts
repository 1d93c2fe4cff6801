/** The routes of the desa's part of a verval (issue 21 item 1, ADR 0033), spread into the route table. */
import { MAX_DIRECT_FORM_BYTES } from '../../core/spreadsheet/limits'
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { MAX_MUSDES_FILE_BYTES } from '../../core/verval/desa-part'
import type { Route } from '../runtime/route'
import { composeQuerySchema, desaLinksBodySchema, desaPartsQuerySchema } from './desa-schemas'

// A multipart body carries its boundaries and fields beside the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export const desaPartRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/api/verval-desa/links',
    resource: 'verval',
    action: 'sendDesaLinks',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'The TKSK (or Dinsos for a kecamatan) mails each desa/kelurahan with an email its musdes upload link, once per period',
      body: desaLinksBodySchema,
    },
  },
  {
    method: 'GET',
    path: '/api/verval-desa/parts',
    resource: 'verval',
    action: 'desaParts',
    doc: {
      summary: 'Per desa of the kecamatan: what arrived (rows, musdes date, uploaded at) and what is missing',
      query: desaPartsQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/verval-desa/compose',
    resource: 'verval',
    action: 'compose',
    maxBodyBytes: MAX_VERVAL_BYTES,
    doc: {
      summary:
        'The TKSK composes the kecamatan batch from the desa parts plus their own rows (CSV/XLSX, {uploadId}, or empty); 202, or 400 naming both sources of each conflict',
      query: composeQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/t/{linkId}/musdes',
    rateLimit: 'public',
    resource: 'links',
    action: 'submitMusdes',
    maxBodyBytes: MAX_MUSDES_FILE_BYTES + MULTIPART_OVERHEAD_BYTES,
    doc: {
      summary: 'A desa uploads its musdes result through its link, once (multipart: k, musdesDate, file)',
    },
  },
  {
    method: 'POST',
    path: '/staff/verval/desa',
    resource: 'verval',
    action: 'staffSendDesaLinks',
    maxBodyBytes: 4 * 1024,
    doc: {
      summary:
        'Page: mails the desa links of the period picked (form post with CSRF), the section shown again',
    },
  },
  {
    method: 'POST',
    path: '/staff/verval/gabung',
    resource: 'verval',
    action: 'staffComposeBatch',
    maxBodyBytes: MAX_DIRECT_FORM_BYTES + MULTIPART_OVERHEAD_BYTES,
    doc: {
      summary: 'Page: composes the kecamatan batch (multipart, the TKSK file optional), 303 to the batch',
    },
  },
]
