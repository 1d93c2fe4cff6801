/**
 * Indonesia's three civil time zones by province (Keppres 41/1987). Calendar notions
 * (reference year, verval period, due dates) follow the zone of the case's area.
 *
 * WIB covers the whole of Kalimantan Barat and Kalimantan Tengah too; the IANA database
 * names Pontianak separately, but it is the same UTC+7 without DST, so every WIB
 * province maps to `Asia/Jakarta`.
 */
import { provinceOf } from './area-code'

export const INDONESIAN_TIME_ZONES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const

export type ZoneAbbreviation = keyof typeof INDONESIAN_TIME_ZONES
export type IndonesianTimeZone = (typeof INDONESIAN_TIME_ZONES)[ZoneAbbreviation]

// Listed in full (the 38 provinces of idn-area-data 3.x) rather than by
// numeric ranges, so a new province code is an explicit decision, not a silent guess.
const PROVINCE_ZONES: Readonly<Record<string, ZoneAbbreviation>> = {
  // Sumatra and its islands
  '11': 'WIB', // Aceh
  '12': 'WIB', // Sumatera Utara
  '13': 'WIB', // Sumatera Barat
  '14': 'WIB', // Riau
  '15': 'WIB', // Jambi
  '16': 'WIB', // Sumatera Selatan
  '17': 'WIB', // Bengkulu
  '18': 'WIB', // Lampung
  '19': 'WIB', // Kepulauan Bangka Belitung
  '21': 'WIB', // Kepulauan Riau
  // Java
  '31': 'WIB', // DKI Jakarta
  '32': 'WIB', // Jawa Barat
  '33': 'WIB', // Jawa Tengah
  '34': 'WIB', // DI Yogyakarta
  '35': 'WIB', // Jawa Timur
  '36': 'WIB', // Banten
  // Bali and Nusa Tenggara
  '51': 'WITA', // Bali
  '52': 'WITA', // Nusa Tenggara Barat
  '53': 'WITA', // Nusa Tenggara Timur
  // Kalimantan: the west and centre are WIB, the south, east and north WITA
  '61': 'WIB', // Kalimantan Barat
  '62': 'WIB', // Kalimantan Tengah
  '63': 'WITA', // Kalimantan Selatan
  '64': 'WITA', // Kalimantan Timur
  '65': 'WITA', // Kalimantan Utara
  // Sulawesi
  '71': 'WITA', // Sulawesi Utara
  '72': 'WITA', // Sulawesi Tengah
  '73': 'WITA', // Sulawesi Selatan
  '74': 'WITA', // Sulawesi Tenggara
  '75': 'WITA', // Gorontalo
  '76': 'WITA', // Sulawesi Barat
  // Maluku and Papua
  '81': 'WIT', // Maluku
  '82': 'WIT', // Maluku Utara
  '91': 'WIT', // Papua
  '92': 'WIT', // Papua Barat
  '93': 'WIT', // Papua Selatan
  '94': 'WIT', // Papua Tengah
  '95': 'WIT', // Papua Pegunungan
  '96': 'WIT', // Papua Barat Daya
}

/** WIB, WITA or WIT of a province code; `undefined` for a code that is not a province. */
export const zoneAbbreviationOfProvince = (provinceCode: string): ZoneAbbreviation | undefined =>
  PROVINCE_ZONES[provinceCode]

/** The IANA zone of a province code; `undefined` for a code that is not a province. */
export const timeZoneOfProvince = (provinceCode: string): IndonesianTimeZone | undefined => {
  const abbreviation = zoneAbbreviationOfProvince(provinceCode)
  return abbreviation && INDONESIAN_TIME_ZONES[abbreviation]
}

/** The IANA zone of any area code, through its province. */
export const timeZoneOfArea = (code: string): IndonesianTimeZone | undefined => {
  const province = provinceOf(code)
  return province === undefined ? undefined : timeZoneOfProvince(province)
}
