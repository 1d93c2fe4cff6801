/** Instants as people in the area read them, for the pages: core's formatter (`core/calendar/local-time.ts`) in its short style. */
import { INDONESIAN_TIME_ZONES, timeZoneOfArea } from '../core/areas/time-zones'
import { formatInZone } from '../core/calendar/local-time'
import { parseReference } from '../core/case/reference'

/** `12 Jan 2026, 14.05 WIB`; Jakarta time when the area is unknown, the text itself when it is no date. */
export const formatShort = (iso: string, area: string | undefined): string => {
  if (Number.isNaN(new Date(iso).getTime())) return iso
  return formatInZone(iso, (area && timeZoneOfArea(area)) || INDONESIAN_TIME_ZONES.WIB, 'short')
}

/** The kecamatan a reference was numbered in (its zone dates the case). */
export const areaOfReference = (reference: string): string | undefined =>
  parseReference(reference)?.kecamatanCode

/** A calendar date (`YYYY-MM-DD`, already in the area's zone) as printed on letters: `5 Januari 2026`. */
export const formatLongDate = (localDate: string): string => {
  const date = new Date(`${localDate}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return localDate
  return new Intl.DateTimeFormat('id-ID', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date)
}
