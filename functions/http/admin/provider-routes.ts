/** The provider directory's routes of the `admin` resource (DESIGN §4 `/api/admin/providers`, ADR 0016). */
import type { Route } from '../runtime/route'
import { MAX_PROVIDER_FILE_BYTES } from '../../core/providers/provider-file'
import { providerInputSchema, providerListQuerySchema, providerPatchSchema } from './provider-schemas'

export const providerRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/admin/providers',
    resource: 'admin',
    action: 'listProviders',
    doc: {
      summary: 'The provider directory of a kabupaten/kota (the caller’s, or `area` for a national admin)',
      query: providerListQuerySchema,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/providers',
    resource: 'admin',
    action: 'createProvider',
    doc: {
      summary: 'Adds a provider; 201 with it, 409 when its email is in use; audited PROVIDER_CREATED',
      body: providerInputSchema,
    },
  },
  {
    method: 'POST',
    path: '/api/admin/providers/import',
    resource: 'admin',
    action: 'importProviders',
    maxBodyBytes: MAX_PROVIDER_FILE_BYTES,
    doc: {
      summary:
        'Imports providers from a CSV or XLSX (columns nama,jenis,email,telepon,layanan,wilayah): 201 {created}, or 400 with the errors of each row and nothing written',
    },
  },
  {
    method: 'GET',
    path: '/api/admin/providers/{providerId}',
    resource: 'admin',
    action: 'showProvider',
    doc: { summary: 'One provider of the caller’s scope' },
  },
  {
    method: 'PATCH',
    path: '/api/admin/providers/{providerId}',
    resource: 'admin',
    action: 'updateProvider',
    doc: {
      summary: 'Changes a provider (activation included); audited PROVIDER_UPDATED with before/after',
      body: providerPatchSchema,
    },
  },
]
