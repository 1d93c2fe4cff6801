/**
 * Calendar dates in a given IANA zone, as `YYYY-MM-DD` strings. Instants stay UTC
 * everywhere else; these helpers are where a UTC instant meets the wall calendar of the
 * area (WIB, WITA or WIT), e.g. for the reference year, the verval period and due dates.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

// en-CA formats dates as YYYY-MM-DD; h23 avoids the "24:00" some engines print for midnight.
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const wallClockParts = (instant: Date, timeZone: string): Record<string, number> => {
  const parts: Record<string, number> = {}
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) {
    if (type !== 'literal') parts[type] = Number(value)
  }
  return parts
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

/** The wall clock of `timeZone` at `instant` as `YYYYMMDD-HHMMSS` (file names, e.g. an export's). */
export const wallClockStamp = (instant: Date, timeZone: string): string => {
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = wallClockParts(instant, timeZone)
  return `${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}-${pad(hour, 2)}${pad(minute, 2)}${pad(second, 2)}`
}

const parseLocalDate = (localDate: string): [number, number, number] => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** The `YYYY-MM-DD` date that the wall clock of `timeZone` shows at `instant`. */
export const localDateOf = (instant: Date, timeZone: string): string => {
  const { year = 0, month = 0, day = 0 } = wallClockParts(instant, timeZone)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
}

/** The calendar year of `instant` in `timeZone` (e.g. for case references). */
export const localYearOf = (instant: Date, timeZone: string): number =>
  Number(localDateOf(instant, timeZone).slice(0, 4))

/** The date `days` calendar days after (or before) `localDate`. */
export const addCalendarDays = (localDate: string, days: number): string => {
  const [year, month, day] = parseLocalDate(localDate)
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday; the weekday of a date does not depend on the zone. */
export const dayOfWeek = (localDate: string): number => {
  const [year, month, day] = parseLocalDate(localDate)
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

// How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds.
const zoneOffsetMs = (instant: number, timeZone: string): number => {
  const {
    year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0,
    second = 0,
  } = wallClockParts(new Date(instant), timeZone)
  const wholeSecond = Math.floor(instant / 1000) * 1000
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond
}

/**
 * The last millisecond (23:59:59.999) of `localDate` on the wall clock of `timeZone`, as
 * a UTC instant. The offset is read twice so the result is right even in zones with
 * daylight saving (Indonesia has none, but the helper should not assume it).
 */
export const endOfLocalDay = (localDate: string, timeZone: string): Date => {
  const [year, month, day] = parseLocalDate(localDate)
  const wall = Date.UTC(year, month - 1, day, 23, 59, 59, 999)
  const guess = wall - zoneOffsetMs(wall, timeZone)
  return new Date(wall - zoneOffsetMs(guess, timeZone))
}

/** Whether `value` is a `YYYY-MM-DD` date that exists (no 30 February, no month 13). */
export const isLocalDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
