/** Today's date where an area is (its WIB/WITA/WIT wall clock): terms and calendar years are local dates. */
import { timeZoneOfArea } from '../../core/areas/time-zones'
import { localDateOf } from '../../core/calendar/local-date'
import { now } from '../../shared/clock'

export const localToday = (area: string, at: Date = now()): string =>
  localDateOf(at, timeZoneOfArea(area) ?? 'Asia/Jakarta')
