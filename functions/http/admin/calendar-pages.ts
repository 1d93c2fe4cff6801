/** The calendar page (issue 13, ADR 0015) over `GET/PUT /api/admin/calendar/{year}`. */
import * as z from 'zod'
import { can } from '../../core/authorization/can'
import { type CalendarYear, yearSchema } from '../../core/calendar/days-off'
import { localToday } from '../../flows/admin/local-today'
import type { User } from '../../core/identity/user'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError } from '../../shared/errors'
import { type RequestContext, staffAction } from '../../http/runtime/action'
import { parseWith } from '../../http/runtime/parse'
import { calendarPage, DAYS_FIELD, daysOffText } from '../../web/admin-calendar-page'
import { isFormPost, readForm } from '../../web/form-data'
import { callApi } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { staffContext } from '../runtime/staff-context'
import { getCalendar, putCalendar } from './calendar-api'
import { assertRoleMay } from './guard'

type StaffRequest = RequestContext & { user: User }

const pageYear = (value: string | undefined, user: User): number =>
  value
    ? parseWith(z.object({ tahun: yearSchema }), { tahun: value }).tahun
    : Number(localToday(user.area === '*' ? '32' : user.area).slice(0, 4))

type CalendarAnswer = Omit<CalendarYear, 'source'> & { source: CalendarYear['source'] | 'none' }

const load = (request: StaffRequest, year: number) =>
  callApi<CalendarAnswer>(getCalendar, request, { pathParameters: { year: String(year) } })

const listOf = (answer: CalendarAnswer): CalendarYear | undefined =>
  answer.source === 'none' ? undefined : { ...answer, source: answer.source }

export const calendarPageAction = staffAction(async (request) => {
  assertRoleMay(request.user, 'calendar:read')
  const year = pageYear(request.event.queryStringParameters?.tahun, request.user)
  const list = listOf(await load(request, year))
  return calendarPage(staffContext(request), {
    year,
    ...(list ? { list } : {}),
    editable: can(request.user, 'calendar:manage', { area: '*' }),
    form: { values: { [DAYS_FIELD]: daysOffText(list) }, errors: [] },
    saved: request.event.queryStringParameters?.tersimpan === '1',
  })
})

/** "2027-01-02 Cuti bersama" per line → the API's `daysOff`; blank lines skipped. */
const parseLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [date = '', ...label] = line.split(/\s+/)
      return { date, label: label.join(' ') }
    })

/** The API's paths (`daysOff.2.date`) as the line of the textarea they came from. */
const asLines = (details: readonly ErrorDetail[]): ErrorDetail[] =>
  details.map((detail) => {
    const match = /^daysOff\.(\d+)\./.exec(detail.path)
    return match
      ? { path: DAYS_FIELD, message: `Baris ${Number(match[1]) + 1}: ${detail.message}` }
      : { ...detail, path: DAYS_FIELD }
  })

export const saveCalendarPage = staffAction(async (request) => {
  assertRoleMay(request.user, 'calendar:manage')
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const year = pageYear(values.tahun, request.user)
  const text = values[DAYS_FIELD] ?? ''
  try {
    await callApi(putCalendar, request, {
      pathParameters: { year: String(year) },
      body: { daysOff: parseLines(text) },
    })
    return {
      statusCode: 303,
      headers: { location: `/staff/admin/kalender?tahun=${year}&tersimpan=1` },
      body: '',
    }
  } catch (error) {
    if (!isAppError(error) || error.status !== 400) throw error
    const list = listOf(await load(request, year))
    return calendarPage(
      staffContext(request),
      {
        year,
        ...(list ? { list } : {}),
        editable: true,
        form: {
          values: { [DAYS_FIELD]: text },
          errors: asLines(error.details.length ? error.details : [{ path: '', message: error.message }]),
        },
      },
      400,
    )
  }
})
