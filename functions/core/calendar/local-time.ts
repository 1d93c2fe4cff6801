/**
 * How people read a moment: in the zone of the area it concerns, named WIB/WITA/WIT, with
 * Indonesian day and month names. The one formatter of instants for pages, mail and flows,
 * built on the zone table of `core/areas/time-zones.ts`; pure (no configuration).
 */
import { INDONESIAN_TIME_ZONES, type IndonesianTimeZone, timeZoneOfArea } from '../areas/time-zones'

const ZONE_NAMES = Object.fromEntries(
  Object.entries(INDONESIAN_TIME_ZONES).map(([name, zone]) => [zone, name]),
) as Readonly<Record<IndonesianTimeZone, string>>

/** WIB, WITA or WIT. */
export const zoneNameOf = (zone: IndonesianTimeZone): string => ZONE_NAMES[zone]

export type LocalTimeStyle = 'long' | 'short'

const STYLES: Readonly<Record<LocalTimeStyle, Intl.DateTimeFormatOptions>> = {
  // `Senin, 12 Januari 2026 pukul 23.59 WIB`: due dates and decisions, in mail and on link pages.
  long: {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  },
  // `12 Jan 2026, 14.05 WIB`: the tables and lists of the staff pages.
  short: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
}

/** The moment as read in one of Indonesia's zones, followed by the zone's name. */
export const formatInZone = (
  iso: string,
  timeZone: IndonesianTimeZone,
  style: LocalTimeStyle = 'long',
): string =>
  `${new Intl.DateTimeFormat('id-ID', { timeZone, ...STYLES[style] }).format(new Date(iso))} ${ZONE_NAMES[timeZone]}`

/** The moment as read in the area's zone; an area with no known zone is refused rather than guessed. */
export const formatLocalTime = (iso: string, area: string, style: LocalTimeStyle = 'long'): string => {
  const timeZone = timeZoneOfArea(area)
  if (!timeZone) throw new RangeError(`no time zone for area ${area}`)
  return formatInZone(iso, timeZone, style)
}

/** The calendar day of the moment in the area's zone, as a heading reads it: `Senin, 12 Januari 2026`. */
export const formatLocalDay = (iso: string, area: string): string => {
  const timeZone = timeZoneOfArea(area)
  if (!timeZone) throw new RangeError(`no time zone for area ${area}`)
  return new Intl.DateTimeFormat('id-ID', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso))
}
