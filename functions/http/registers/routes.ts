/**
 * The routes of the `registers` resource (issue 16, ADR 0031): the TKSK's own
 * administration, the PSKS register and the activity log.
 */
import type { Route } from '../runtime/route'
import { laporanRoutes } from './laporan-routes'
import {
  activityInputSchema,
  activityListQuerySchema,
  ppksCaseBodySchema,
  ppksInputSchema,
  ppksListQuerySchema,
  ppksPatchSchema,
  psksInputSchema,
  psksListQuerySchema,
  psksPatchSchema,
  socialMapQuerySchema,
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
  // The PPKS register and the social map (issue 16 items 1 and 3, ADR 0038).
  registers('GET', '/api/ppks', 'listPpks', {
    summary:
      'The PPKS register of a desa, kecamatan or kabupaten/kota: entries (a sensitive one names nobody), the cases of the area and the counts per desa × category',
    query: ppksListQuerySchema,
  }),
  registers('POST', '/api/ppks', 'createPpks', {
    summary: 'Records a PPKS found during inventory; 201 with it (NIK masked); audited PPKS_RECORDED',
    body: ppksInputSchema,
  }),
  registers('GET', '/api/ppks/{ppksId}', 'showPpks', {
    summary:
      'One PPKS entry of the caller’s scope; a sensitive category’s read is audited SENSITIVE_PPKS_READ',
  }),
  registers('PATCH', '/api/ppks/{ppksId}', 'updatePpks', {
    summary: 'Changes a PPKS entry (the desa is fixed); audited PPKS_UPDATED',
    body: ppksPatchSchema,
  }),
  registers('POST', '/api/ppks/{ppksId}/kasus', 'openPpksCase', {
    summary:
      'Turns an entry into a case filed by the TKSK (intake checks and workflow); 201 with the receipt; audited PPKS_CASE_OPENED and CASE_CREATED',
    body: ppksCaseBodySchema,
  }),
  registers('GET', '/api/peta-sosial', 'socialMap', {
    summary:
      'Pemetaan sosial: PPKS by category and PSKS by kind, per desa of a kecamatan or per kecamatan of a kabupaten/kota; format=csv|xlsx downloads it',
    query: socialMapQuerySchema,
  }),
  registers('GET', '/staff/ppks', 'ppksListPage', {
    summary: 'Page: the PPKS register (counts, entries, cases) with the TKSK’s form to record one',
  }),
  registers('POST', '/staff/ppks', 'submitPpksPage', { summary: 'Page form: records a PPKS' }),
  registers('GET', '/staff/ppks/{ppksId}', 'ppksEntryPage', {
    summary: 'Page: one PPKS entry (a sensitive one’s read audited) with the "Jadikan kasus" form',
  }),
  registers('POST', '/staff/ppks/{ppksId}', 'submitPpksEditPage', { summary: 'Page form: changes an entry' }),
  registers('POST', '/staff/ppks/{ppksId}/kasus', 'submitPpksCasePage', {
    summary: 'Page form: turns the entry into a case',
  }),
  registers('GET', '/staff/peta-sosial', 'socialMapPage', {
    summary: 'Page: the social map with SVG bar charts, CSV/XLSX downloads and an A4 print layout',
  }),
  ...laporanRoutes,
]
