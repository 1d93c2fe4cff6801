/**
 * The routes of the `admin` resource (issue 13): staff, calendar (and providers, added
 * by their own routes file), as the JSON API of DESIGN §4 and the admin pages under
 * `/staff/admin`. One Lambda serves both, so the Cognito admin permissions sit on it alone.
 */
import { daysOffSchema } from '../../core/calendar/days-off'
import { MAX_SPREADSHEET_BYTES } from '../../core/spreadsheet/limits'
import { staffCreateSchema, staffListQuerySchema, staffPatchSchema } from '../../core/staff/staff-schemas'
import type { Route } from '../runtime/route'
import { providerRoutes } from './provider-routes'

const admin = (
  method: Route['method'],
  path: string,
  action: string,
  doc: Route['doc'] | string,
  extra: Partial<Route> = {},
): Route => ({
  method,
  path,
  resource: 'admin',
  action,
  doc: typeof doc === 'string' ? { summary: doc } : doc,
  ...extra,
})

/** Every upload is read within the spreadsheet limits (a staff sheet is far smaller). */
const STAFF_FILE_BYTES = MAX_SPREADSHEET_BYTES

export const adminRoutes: readonly Route[] = [
  admin('GET', '/api/admin/staff', 'list', {
    summary: 'Staff of the admin’s scope (a kabupaten/kota, or `*` for national)',
    query: staffListQuerySchema,
  }),
  admin('POST', '/api/admin/staff', 'create', {
    summary: 'Invites a staff member; 201 `{staffId}`; username or email taken → 409',
    body: staffCreateSchema,
  }),
  admin('GET', '/api/admin/staff/{staffId}', 'detail', 'One staff member of the admin’s scope'),
  admin('PATCH', '/api/admin/staff/{staffId}', 'update', {
    summary:
      'Changes name, email, role, area, term or `active`; a change of active, role or area holds from that person’s next request and moves their open tasks to the Dinsos queue',
    body: staffPatchSchema,
  }),
  admin(
    'POST',
    '/api/admin/staff/import',
    'importFile',
    'Imports the staff sheet (text/csv or XLSX; columns username,nama,email,peran,wilayah,no_sk,awal_tugas,akhir_tugas): `{created,updated}`, or 400 with errors per spreadsheet line and nothing written',
    { maxBodyBytes: STAFF_FILE_BYTES },
  ),
  admin(
    'GET',
    '/api/admin/calendar/{year}',
    'getCalendar',
    'The days off kept for a year (stored, built-in or none)',
  ),
  admin('PUT', '/api/admin/calendar/{year}', 'putCalendar', {
    summary: 'Replaces a year’s cuti bersama and holiday corrections (audited CALENDAR_UPDATED)',
    // The year in the path bounds the dates; the shape is the same every year.
    body: daysOffSchema(2026),
  }),
  admin(
    'GET',
    '/staff/admin/petugas',
    'staffListPage',
    'Page: the staff of the admin’s scope, with the import form',
  ),
  admin('GET', '/staff/admin/petugas/baru', 'newStaffPage', 'Page: the invitation form'),
  admin(
    'POST',
    '/staff/admin/petugas',
    'createStaffPage',
    'Page: invites a staff member (the API’s create)',
    {
      maxBodyBytes: 8 * 1024,
    },
  ),
  admin(
    'POST',
    '/staff/admin/petugas/impor',
    'importStaffPage',
    'Page: imports the staff sheet (multipart)',
    {
      maxBodyBytes: STAFF_FILE_BYTES,
    },
  ),
  admin(
    'GET',
    '/staff/admin/petugas/{staffId}',
    'editStaffPage',
    'Page: a staff member with the change form',
  ),
  admin(
    'POST',
    '/staff/admin/petugas/{staffId}',
    'updateStaffPage',
    'Page: changes a staff member (the API’s PATCH)',
    {
      maxBodyBytes: 8 * 1024,
    },
  ),
  admin(
    'POST',
    '/staff/admin/petugas/{staffId}/status',
    'staffStatusPage',
    'Page: deactivates, reactivates or ends the term of a staff member',
    { maxBodyBytes: 4 * 1024 },
  ),
  admin(
    'GET',
    '/staff/admin/kalender',
    'calendarPage',
    'Page: a year’s days off with the edit form (`?tahun=`)',
  ),
  admin(
    'POST',
    '/staff/admin/kalender',
    'saveCalendarPage',
    'Page: saves a year’s days off (the API’s PUT)',
    {
      maxBodyBytes: 16 * 1024,
    },
  ),
  ...providerRoutes,
]
