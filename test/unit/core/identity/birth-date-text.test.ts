import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskBirthDateIn } from '../../../../functions/core/identity/birth-date-text'
import { maskPersonalText } from '../../../../functions/core/identity/disclosure'

const SITI = { birthDate: '1980-07-05' }

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
]
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

interface Parts {
  y: string
  m: string
  d: string
}
/** A date as someone writes it, and the year they wrote (which must stay readable). */
type Writer = (iso: string) => { written: string; year: string }

const partsOf = (iso: string): Parts => {
  const [y, m, d] = iso.split('-') as [string, string, string]
  return { y, m, d }
}
const unpadded = (part: string, pad: boolean): string => (pad ? part : String(Number(part)))

/** Numbers in the orders people use, with the separators they type (spaced, en dash), padded or not, 2- or 4-digit year. */
const numericDate: fc.Arbitrary<Writer> = fc
  .record({
    order: fc.constantFrom('dmy', 'ymd', 'mdy'),
    sep: fc.constantFrom('-', '/', '.', ' ', ' - ', ' / ', '\u2013', ' \u2013 ', '_'),
    pad: fc.boolean(),
    shortYear: fc.boolean(),
  })
  .map(({ order, sep, pad, shortYear }) => (iso: string) => {
    const { y, m, d } = partsOf(iso)
    const [dd, mm] = [unpadded(d, pad), unpadded(m, pad)]
    // Year-first is written with four digits; month-first as an English spreadsheet writes it, with slashes.
    if (order === 'ymd') return { written: [y, mm, dd].join(sep), year: y }
    const year = shortYear ? y.slice(2) : y
    if (order === 'mdy') return { written: [mm, dd, year].join('/'), year }
    return { written: [dd, mm, year].join(sep), year }
  })

/** Month names, Indonesian or English, day first or month first (`Juli 5, 1980`), any case. */
const namedDate: fc.Arbitrary<Writer> = fc
  .record({
    english: fc.boolean(),
    monthFirst: fc.boolean(),
    sep: fc.constantFrom(' ', '-', '  ', ' - '),
    upper: fc.boolean(),
    pad: fc.boolean(),
  })
  .map(({ english, monthFirst, sep, upper, pad }) => (iso: string) => {
    const { y, m, d } = partsOf(iso)
    const full = (english ? MONTHS_EN : MONTHS_ID)[Number(m) - 1] ?? ''
    const name = upper ? full.toUpperCase() : full
    const day = unpadded(d, pad)
    return { written: monthFirst ? `${name} ${day}, ${y}` : [day, name, y].join(sep), year: y }
  })

const writtenDate = fc.oneof(numericDate, namedDate)

describe('a birth date written into free text', () => {
  it.each([
    ['lahir 1980-07-05', 'lahir 1980-**-**'],
    ['lahir 05-07-1980', 'lahir **-**-1980'],
    ['lahir 5/7/80', 'lahir **-**-80'],
    ['lahir 05.07.1980.', 'lahir **-**-1980.'],
    ['lahir 5 Juli 1980', 'lahir ** ** 1980'],
    ['lahir 05 Jul 1980', 'lahir ** ** 1980'],
    ['ulang tahun 5 juli', 'ulang tahun ** **'],
    ['tgl 07/05/1980 (format AS)', 'tgl **/**/1980 (format AS)'],
    ['digit NIK 450780', 'digit NIK **-**-80'],
    ['lahir 05 - 07 - 1980', 'lahir **-**-1980'],
    ['lahir 05\u201307\u20131980 (en dash)', 'lahir **-**-1980 (en dash)'],
    ['lahir Juli 5, 1980', 'lahir ** ** 1980'],
    ['born July 05 1980', 'born ** ** 1980'],
  ])('%j loses its day and month', (text, expected) => {
    expect(maskBirthDateIn(text, SITI.birthDate)).toBe(expected)
  })

  it('other dates, RT/RW and amounts in the same text stay readable', () => {
    const text = 'Kunjungan 2026-01-10, RT 02/03, Rp 1.500.000, lahir anak 6 Juli 2010'
    expect(maskBirthDateIn(text, SITI.birthDate)).toBe(text)
  })

  it('a day and month followed by another year are another date: a visit, not the birthday', () => {
    for (const text of ['kunjungan 5 Juli 2026', 'kunjungan Juli 5, 2026', 'kunjungan 5 Juli 26'])
      expect(maskBirthDateIn(text, SITI.birthDate)).toBe(text)
    expect(maskPersonalText('NIK 3201144507800106 lahir 1980; kunjungan 5 Juli 2026', {})).toBe(
      'NIK 320114******0106 lahir 1980; kunjungan 5 Juli 2026',
    )
    expect(maskBirthDateIn('lahir 5 Juli 1980, 3 anak', SITI.birthDate)).toBe('lahir ** ** 1980, 3 anak')
  })

  it('a month and a four-digit year are a month, not a day and a two-digit year read out of one number', () => {
    expect(maskBirthDateIn('laporan Mei 2025', '2025-05-20')).toBe('laporan Mei 2025')
    expect(maskBirthDateIn('bantuan Juli 1985 s.d. Juli 1986', '1985-07-19')).toBe(
      'bantuan Juli 1985 s.d. Juli 1986',
    )
    expect(maskBirthDateIn('lahir Mei 20 2025', '2025-05-20')).toBe('lahir ** ** 2025')
  })

  it('an instant of the system on the birthday of a baby born that day is not a birth date written out', () => {
    expect(maskBirthDateIn('dicatat 2026-01-10T03:00:00.000Z', '2026-01-10')).toBe(
      'dicatat 2026-01-10T03:00:00.000Z',
    )
    expect(maskBirthDateIn('lahir 2026-01-10', '2026-01-10')).toBe('lahir 2026-**-**')
  })

  it('the NIK and the birth date typed together cannot be put back together', () => {
    expect(maskPersonalText('NIK 3201 1445 0780 0042 lahir 5 Juli 1980', SITI)).toBe(
      'NIK 320114******0042 lahir ** ** 1980',
    )
  })

  it('text about a person with a NIK and no birth date on record loses the date the NIK encodes', () => {
    expect(maskPersonalText('Lahir 5 Juli 1980; KTP 05-07-1980', { nik: '3201144507800106' })).toBe(
      'Lahir ** ** 1980; KTP **-**-1980',
    )
    // Either century: the two digits of the NIK's year do not say which.
    expect(maskPersonalText('lahir 05-07-2080', { nik: '3201144507800106' })).toBe('lahir **-**-2080')
    // A NIK already masked encodes nothing, and no invented date is looked for.
    expect(maskPersonalText('lahir 05-07-1980', { nik: '320114******0106' })).toBe('lahir 05-07-1980')
  })

  it('a year-first date keeps its year: 1960 is not read as day 1, month 9 of 1960', () => {
    expect(maskBirthDateIn('lahir 1960-09-01, terima kasih', '1960-09-01')).toBe(
      'lahir 1960-**-**, terima kasih',
    )
    expect(maskBirthDateIn('tgl 01091960 dan 010960', '1960-09-01')).toBe('tgl **-**-1960 dan **-**-60')
  })

  it('any birth date is starred out, however it is written: numbers in any order, month names, any separator', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1906-01-01T00:00:00Z'),
          max: new Date('2026-12-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        writtenDate,
        (date, write) => {
          const iso = date.toISOString().slice(0, 10)
          const { written, year } = write(iso)
          const masked = maskBirthDateIn(`lahir ${written}, terima kasih`, iso)
          expect(masked).not.toContain(written)
          expect(masked).toContain(year)
        },
      ),
    )
  })
})
