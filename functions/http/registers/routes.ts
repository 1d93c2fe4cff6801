/**
 * The routes of the `registers` resource (issue 16, ADR 0031): the TKSK's own
 * administration, the PSKS register and the activity log.
 */
import type { Route } from '../runtime/route'
import { laporanRoutes } from './laporan-routes'
import {
  activityInputSchema,
  activityListQuerySchema,
  psksInputSchema,
  psksListQuerySchema,
  psksPatchSchema,
} from './schemas'

const registers = (method: Route['method'], path: string, action: string, doc: Route['doc']): Route => ({
  method,
  path,
  resource: 'registers',
  action,
  doc,
})

export const registerRoutes: readonly Route[] = [
  registers('GET', '/api/psks', 'listPsks', {
    summary: 'The PSKS register of a kecamatan or kabupaten/kota (the caller’s area when absent)',
    query: psksListQuerySchema,
  }),
  registers('POST', '/api/psks', 'createPsks', {
    summary: 'Adds a PSKS to the register; 201 with it; audited PSKS_CREATED',
    body: psksInputSchema,
  }),
  registers('GET', '/api/psks/{psksId}', 'showPsks', { summary: 'One PSKS of the caller’s scope' }),
  registers('PATCH', '/api/psks/{psksId}', 'updatePsks', {
    summary: 'Changes a PSKS (activation and "dapat menerima rujukan" included); audited PSKS_UPDATED',
    body: psksPatchSchema,
  }),
  registers('GET', '/api/kegiatan', 'listActivities', {
    summary: 'The kegiatan of a month in a kecamatan or kabupaten/kota',
    query: activityListQuerySchema,
  }),
  registers('POST', '/api/kegiatan', 'logActivity', {
    summary:
      'Logs a kegiatan: 201 with it, or 200 with the same kegiatan when its id was already logged (a repeated offline submission); audited ACTIVITY_LOGGED',
    body: activityInputSchema,
  }),
  registers('GET', '/staff/psks', 'psksListPage', {
    summary: 'Page: the PSKS register with a form to add one',
  }),
  registers('POST', '/staff/psks', 'submitPsksPage', { summary: 'Page form: adds a PSKS' }),
  registers('GET', '/staff/kegiatan', 'activityListPage', {
    summary: 'Page: the kegiatan of a month with the TKSK’s offline-tolerant form',
  }),
  registers('POST', '/staff/kegiatan', 'submitActivityPage', { summary: 'Page form: logs a kegiatan' }),
  ...laporanRoutes,
]
