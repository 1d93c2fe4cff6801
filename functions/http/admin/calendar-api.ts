/** `GET/PUT /api/admin/calendar/{year}` (DESIGN §4, ADR 0015): a year's cuti bersama and holiday corrections. */
import { daysOffSchema, yearSchema } from '../../core/calendar/days-off'
import { readCalendarYear } from '../../data/calendar-repository'
import { actorOf } from '../../flows/admin/create-staff'
import { updateCalendarYear } from '../../flows/admin/calendar'
import { staffAction } from '../../http/runtime/action'
import { parseJsonBody, parseWith } from '../../http/runtime/parse'
import { json } from '../../http/runtime/responses'
import { assertRoleMay } from './guard'

const yearOf = (pathYear: string | undefined): number => parseWith(yearSchema, pathYear)

export const getCalendar = staffAction(async (request) => {
  assertRoleMay(request.user, 'calendar:read')
  const year = yearOf(request.event.pathParameters?.year)
  const list = await readCalendarYear(year)
  return json(200, list ?? { year, daysOff: [], source: 'none', version: 0 })
})

export const putCalendar = staffAction(async (request) => {
  assertRoleMay(request.user, 'calendar:manage')
  const year = yearOf(request.event.pathParameters?.year)
  const { daysOff } = parseJsonBody(request, daysOffSchema(year))
  return json(200, await updateCalendarYear(year, daysOff, actorOf(request.user), request.correlationId))
})
