/** An admin replaces a year's days off (issue 13, ADR 0015); the list is read by `readCalendarYear`. */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { CalendarYear, DayOff } from '../../core/calendar/days-off'
import { CalendarChangedError, putCalendarYear, readCalendarYear } from '../../data/calendar-repository'
import { auditEntityId } from '../../data/keys'
import { nowIso } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'

/** Replaces a year's list; CALENDAR_UPDATED with the list before and after. */
export const updateCalendarYear = async (
  year: number,
  daysOff: DayOff[],
  actor: AuditActor,
  correlationId: string,
): Promise<CalendarYear> => {
  const current = await readCalendarYear(year)
  const expected = current?.source === 'stored' ? current.version : 0
  const next = { year, daysOff, updatedAt: nowIso(), version: expected + 1 }
  try {
    await putCalendarYear(next, expected, {
      entityId: auditEntityId.calendar(year),
      area: '*',
      actor,
      action: 'CALENDAR_UPDATED',
      before: current ? { daysOff: current.daysOff, source: current.source } : null,
      after: { daysOff },
      correlationId,
    })
  } catch (error) {
    if (error instanceof CalendarChangedError)
      throw new ConflictError(
        'Kalender tahun ini diubah orang lain sementara itu. Muat ulang lalu coba lagi.',
      )
    throw error
  }
  return { ...next, source: 'stored' }
}
