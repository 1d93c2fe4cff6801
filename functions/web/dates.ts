/** Instants as people in the area read them: their zone (WIB/WITA/WIT), Indonesian month names. */
import { timeZoneOfArea } from '../core/areas/time-zones'
import { parseReference } from '../core/case/reference'

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** `12 Jan 2026 14.05 WIB`; Jakarta time when the area is unknown. */
export const formatShort = (iso: string, area: string | undefined): string => {
  const timeZone = (area && timeZoneOfArea(area)) || 'Asia/Jakarta'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const text = new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
  return `${text} ${ZONE_NAMES[timeZone] ?? ''}`.trim()
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
