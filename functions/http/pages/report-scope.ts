/**
 * What a report page is about: the month (`YYYY-MM`, the current month of the area by
 * default) and the area (the caller's own by default; national users must name one),
 * checked against `can()`: asking for another kabupaten is 403, not an empty page.
 */
import * as z from 'zod'
import { ALL_AREAS, type AreaLevel, areaLevel, kabupatenOf, kecamatanOf } from '../../core/areas/area-code'
import { type Action, can, roleMay } from '../../core/authorization/can'
import type { WorkingDayOptions } from '../../core/calendar/working-days'
import { monthBounds, monthOf, type MonthBounds, reportMonthSchema } from '../../core/reports/report-month'
import { calendarFor } from '../../flows/case/calendar'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { loadAreaIndex } from '../../data/area-source'
import type { User } from '../../core/identity/user'
import { BadRequestError, ForbiddenError } from '../../shared/errors'
import { parseWith } from '../runtime/parse'

// An empty field of the filter form means "the default".
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

export const reportQuerySchema = z.object({
  month: optional(reportMonthSchema),
  area: optional(z.string().trim().max(20)),
})

export interface ReportScope {
  area: string
  kabupaten: string
  /** Set when the report is about one kecamatan. */
  kecamatan?: string
  bounds: MonthBounds
  calendar: WorkingDayOptions
}

const LEVEL_NAMES: Readonly<Record<AreaLevel, string>> = {
  province: 'provinsi',
  regency: 'kabupaten/kota',
  district: 'kecamatan',
  village: 'desa/kelurahan',
}

export const resolveReportScope = async (
  user: User,
  action: Action,
  query: Record<string, string | undefined>,
  levels: readonly AreaLevel[],
  now: Date,
): Promise<ReportScope> => {
  // A role that may never see the report gets 403 whatever it asks for.
  if (!roleMay(user.role, action)) throw new ForbiddenError()
  const parsed = parseWith(reportQuerySchema, query)
  const area = parsed.area ?? (user.area === ALL_AREAS ? undefined : user.area)
  const allowed = levels.map((level) => LEVEL_NAMES[level]).join(' atau ')
  if (!area)
    throw new BadRequestError(`Pilih wilayah (${allowed}).`, [
      { path: 'area', message: `Pengguna tingkat nasional wajib memilih ${allowed}.` },
    ])
  const level = areaLevel(area)
  const kabupaten = kabupatenOf(area)
  if (!level || !levels.includes(level) || !kabupaten || !loadAreaIndex().get(area))
    throw new BadRequestError(`Wilayah harus berupa ${allowed} yang dikenal.`, [
      { path: 'area', message: `Isi kode ${allowed}, misalnya 32.01.` },
    ])
  if (!can(user, action, { area })) throw new ForbiddenError('Wilayah ini di luar wewenang Anda.')
  const timeZone = timeZoneOfArea(area) ?? 'Asia/Jakarta'
  const bounds = monthBounds(parsed.month ?? monthOf(now, timeZone), timeZone)
  // The days off of the reported month's year (and the next, where its tasks fall due).
  const calendar = await calendarFor(area, bounds.from)
  const kecamatan = kecamatanOf(area)
  return { area, kabupaten, ...(kecamatan ? { kecamatan } : {}), bounds, calendar }
}
