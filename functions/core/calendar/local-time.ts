/**
 * How people read a moment: in the zone of the area it concerns, named WIB/WITA/WIT. Pure (no
 * configuration), so pages, mail and flows all format due dates the same way.
 */
import { INDONESIAN_TIME_ZONES, timeZoneOfArea } from '../areas/time-zones'

const ZONE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(INDONESIAN_TIME_ZONES).map(([name, zone]) => [zone, name]),
)

/** `Senin, 12 Januari 2026 pukul 23.59 WIB`: how people read a due date. */
export const formatLocalTime = (iso: string, area: string): string => {
  const timeZone = timeZoneOfArea(area)
  if (!timeZone) throw new RangeError(`no time zone for area ${area}`)
  const text = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
  return `${text} ${ZONE_NAMES[timeZone] ?? timeZone}`
}
