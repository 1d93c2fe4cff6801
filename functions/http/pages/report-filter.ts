/** The filter of the report pages for the caller, and the 400 of a bad filter as the page with its errors. */
import { ALL_AREAS, areaLevel } from '../../core/areas/area-code'
import { loadAreaIndex } from '../../data/area-source'
import type { User } from '../../core/identity/user'
import { type ErrorDetail, isAppError } from '../../shared/errors'
import type { ReportFilter } from '../../web/report-parts'
import { areaName } from '../runtime/staff-context'

export const reportFilter = (
  user: User,
  action: string,
  values: Record<string, string>,
  options: { kecamatanChoices: boolean; areaHint: string },
): ReportFilter => {
  const kabupatenUser = areaLevel(user.area) === 'regency'
  return {
    action,
    values,
    errors: [],
    areaFree: user.area === ALL_AREAS,
    areaHint: options.areaHint,
    ...(kabupatenUser && options.kecamatanChoices
      ? {
          areaChoices: [
            { value: user.area, label: `${areaName(user.area)} (semua kecamatan)` },
            ...loadAreaIndex()
              .children(user.area)
              .map((k) => ({ value: k.code, label: k.name })),
          ],
        }
      : {}),
  }
}

/** The details of a 400 to show on the form; anything else is rethrown. */
export const filterErrors = (error: unknown): ErrorDetail[] => {
  if (!isAppError(error) || error.status !== 400) throw error
  return error.details.length > 0 ? error.details : [{ path: '', message: error.message }]
}

export const csvResponse = (filename: string, body: string) => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  },
  body,
})
