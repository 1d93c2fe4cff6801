/**
 * The checked-in public holidays are date-holidays' own, year by year, so the functions
 * can read them without bundling the library.
 */
import { describe, expect, it } from 'vitest'
import idPublicHolidays from '../../../../functions/core/calendar/id-public-holidays.json'
import { computeIdPublicHolidays, FIRST_YEAR, LAST_YEAR } from '../../../../infra/tools/id-public-holidays'

describe('the precomputed Indonesian public holidays', () => {
  it(`equal date-holidays' output for ${FIRST_YEAR}–${LAST_YEAR}`, () => {
    expect(idPublicHolidays).toEqual(computeIdPublicHolidays())
  })

  it('include Proklamasi and Christmas every year', () => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      expect(idPublicHolidays[String(year) as keyof typeof idPublicHolidays]).toEqual(
        expect.arrayContaining([`${year}-08-17`, `${year}-12-25`]),
      )
    }
  })
})
