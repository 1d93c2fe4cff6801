/**
 * Turns the review filters of `GET /api/audit` and `/export` into a repository query
 * within the caller's scope (DESIGN §2, §4):
 * - by `entityId` (the chain), else by `actor`, else by area and date range;
 * - an `area` must lie in the caller's scope (403 otherwise);
 * - listing by area needs at least a kabupaten/kota: regional users default to their
 *   own area, national users (`*`) must name one (400), as for every list of the system;
 * - bare dates are calendar days in the area's zone (WIB/WITA/WIT); `to` includes its day.
 */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { type Action, can, roleMay } from '../../core/authorization/can'
import { addCalendarDays, endOfLocalDay } from '../../core/calendar/local-date'
import type { AuditFilter, AuditSource } from '../../data/audit-queries'
import type { User } from '../../core/identity/user'
import { ForbiddenError, ValidationError } from '../../shared/errors'
import type { AuditFilterQuery } from './schemas'

const DAY_MS = 24 * 60 * 60 * 1000
/** Default window of an area listing, and the longest one accepted (each day is one Query). */
const DEFAULT_RANGE_DAYS = 30
const MAX_RANGE_DAYS = 366
const DEFAULT_ZONE = 'Asia/Jakarta'
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/

const startOfLocalDay = (date: string, zone: string): Date =>
  new Date(endOfLocalDay(addCalendarDays(date, -1), zone).getTime() + 1)

const instantOf = (value: string, zone: string, edge: 'from' | 'to'): string => {
  if (!BARE_DATE.test(value)) return new Date(value).toISOString()
  return (
    edge === 'from' ? startOfLocalDay(value, zone) : startOfLocalDay(addCalendarDays(value, 1), zone)
  ).toISOString()
}

export interface ResolvedAuditQuery {
  source: AuditSource
  filter: AuditFilter
}

export const authorizeRole = (user: User, action: Action): void => {
  if (!roleMay(user.role, action)) throw new ForbiddenError()
}

export const resolveAuditQuery = (
  user: User,
  action: Action,
  query: AuditFilterQuery,
  now: Date,
): ResolvedAuditQuery => {
  authorizeRole(user, action)
  if (query.area !== undefined && !can(user, action, { area: query.area }))
    throw new ForbiddenError('Wilayah yang diminta di luar wilayah tugas Anda.')

  const scopeArea = query.area ?? (user.area === ALL_AREAS ? undefined : user.area)
  const zone = (scopeArea && timeZoneOfArea(scopeArea)) || DEFAULT_ZONE
  let from = query.from && instantOf(query.from, zone, 'from')
  let to = query.to && instantOf(query.to, zone, 'to')

  let source: AuditSource
  if (query.entityId) source = { by: 'entity', entityId: query.entityId }
  else if (query.actor) source = { by: 'actor', actorId: query.actor }
  else {
    const level = scopeArea && areaLevel(scopeArea)
    if (!scopeArea || !level || level === 'province')
      throw new ValidationError([
        { path: 'area', message: 'Pilih wilayah minimal kabupaten/kota, atau isi entityId atau actor.' },
      ])
    to ??= new Date(now.getTime() + 1).toISOString()
    from ??= new Date(Date.parse(to) - DEFAULT_RANGE_DAYS * DAY_MS).toISOString()
    if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY_MS)
      throw new ValidationError([
        { path: 'from', message: `Rentang waktu paling lama ${MAX_RANGE_DAYS} hari.` },
      ])
    source = { by: 'area', area: scopeArea }
  }
  if (from && to && from >= to)
    throw new ValidationError([{ path: 'to', message: 'Akhir rentang harus setelah awalnya.' }])

  return {
    source,
    filter: {
      ...(query.action ? { action: query.action } : {}),
      ...(query.area ? { area: query.area } : {}),
      ...(query.actor && source.by !== 'actor' ? { actorId: query.actor } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    },
  }
}

/** The caller's scope as a predicate on entries read (every path, even one already bounded by area). */
export const inCallerScope =
  (user: User, action: Action) =>
  (entry: { area: string }): boolean =>
    can(user, action, entry)
