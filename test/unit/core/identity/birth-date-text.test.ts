import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskBirthDateIn } from '../../../../functions/core/identity/birth-date-text'
import { maskPersonalText } from '../../../../functions/core/identity/disclosure'

const SITI = { birthDate: '1980-07-05' }

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
  ])('%j loses its day and month', (text, expected) => {
    expect(maskBirthDateIn(text, SITI.birthDate)).toBe(expected)
  })

  it('other dates, RT/RW and amounts in the same text stay readable', () => {
    const text = 'Kunjungan 2026-01-10, RT 02/03, Rp 1.500.000, lahir anak 6 Juli 2010'
    expect(maskBirthDateIn(text, SITI.birthDate)).toBe(text)
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

  it('a year-first date keeps its year: 1960 is not read as day 1, month 9 of 1960', () => {
    expect(maskBirthDateIn('lahir 1960-09-01, terima kasih', '1960-09-01')).toBe(
      'lahir 1960-**-**, terima kasih',
    )
    expect(maskBirthDateIn('tgl 01091960 dan 010960', '1960-09-01')).toBe('tgl **-**-1960 dan **-**-60')
  })

  it('any birth date written day-first or year-first is starred out, whatever the separator', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1906-01-01T00:00:00Z'),
          max: new Date('2026-12-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('-', '/', '.', ' '),
        fc.boolean(),
        (date, sep, yearFirst) => {
          const iso = date.toISOString().slice(0, 10)
          const [y, m, d] = iso.split('-') as [string, string, string]
          const written = yearFirst ? [y, m, d].join(sep) : [d, m, y].join(sep)
          const masked = maskBirthDateIn(`lahir ${written}, terima kasih`, iso)
          expect(masked).not.toContain(written)
          expect(masked).toContain(y)
        },
      ),
    )
  })
})
