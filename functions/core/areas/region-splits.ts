/**
 * Kabupaten/kota moved to a new province since NIKs were first issued (DESIGN §1: a NIK
 * is issued for life, so its first six digits may name a code that no longer exists).
 * The table maps the old regency code to today's; kecamatan keep their own two digits
 * across these moves. Source, method and limits: docs/adr/0010-masks-free-text-and-old-regions.md.
 */
import { areaLevel } from './area-code'

export interface RegionMove {
  /** The regency code before the law, e.g. `91.01`. */
  from: string
  /** Its code today (idn-area-data 3.1.2), e.g. `93.01`. */
  to: string
  /** The law that created the new province, for whoever checks the table. */
  law: string
}

const moves = (law: string, pairs: readonly (readonly [string, string])[]): RegionMove[] =>
  pairs.map(([from, to]) => ({ from, to, law }))

export const REGION_MOVES: readonly RegionMove[] = [
  // Kalimantan Utara out of Kalimantan Timur.
  ...moves('UU 20/2012', [
    ['64.04', '65.01'], // Bulungan
    ['64.05', '65.02'], // Malinau
    ['64.06', '65.03'], // Nunukan
    ['64.10', '65.04'], // Tana Tidung
    ['64.73', '65.71'], // Kota Tarakan
  ]),
  // Papua Selatan out of Papua.
  ...moves('UU 14/2022', [
    ['91.01', '93.01'], // Merauke
    ['91.16', '93.02'], // Boven Digoel
    ['91.17', '93.03'], // Mappi
    ['91.18', '93.04'], // Asmat
  ]),
  // Papua Tengah out of Papua.
  ...moves('UU 15/2022', [
    ['91.04', '94.01'], // Nabire
    ['91.07', '94.02'], // Puncak Jaya
    ['91.08', '94.03'], // Paniai
    ['91.09', '94.04'], // Mimika
    ['91.25', '94.05'], // Puncak
    ['91.26', '94.06'], // Dogiyai
    ['91.27', '94.07'], // Intan Jaya
    ['91.28', '94.08'], // Deiyai
  ]),
  // Papua Pegunungan out of Papua.
  ...moves('UU 16/2022', [
    ['91.02', '95.01'], // Jayawijaya
    ['91.12', '95.02'], // Pegunungan Bintang
    ['91.13', '95.03'], // Yahukimo
    ['91.14', '95.04'], // Tolikara
    ['91.21', '95.05'], // Mamberamo Tengah
    ['91.22', '95.06'], // Yalimo
    ['91.23', '95.07'], // Lanny Jaya
    ['91.24', '95.08'], // Nduga
  ]),
  // Papua Barat Daya out of Papua Barat.
  ...moves('UU 29/2022', [
    ['92.01', '96.01'], // Sorong
    ['92.04', '96.02'], // Sorong Selatan
    ['92.05', '96.03'], // Raja Ampat
    ['92.09', '96.04'], // Tambrauw
    ['92.10', '96.05'], // Maybrat
    ['92.71', '96.71'], // Kota Sorong
  ]),
]

const TODAY_BY_OLD = new Map(REGION_MOVES.map((move) => [move.from, move.to]))

/**
 * Today's code of a kecamatan written before a move (`91.01.01` → `93.01.01`); the
 * code itself when no move is known. Only the regency part is translated.
 */
export const currentKecamatanCode = (kecamatan: string): string => {
  if (areaLevel(kecamatan) !== 'district') return kecamatan
  const regency = kecamatan.slice(0, 5)
  const today = TODAY_BY_OLD.get(regency)
  return today === undefined ? kecamatan : `${today}${kecamatan.slice(5)}`
}
