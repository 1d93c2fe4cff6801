import { describe, expect, it } from 'vitest'
import {
  birthYearFor,
  identityStatusOf,
  needsAdminduk,
  personLookupText,
} from '../../../../functions/core/case/filer'

describe('identity status of a person', () => {
  it('is complete with NIK, KK and birth date', () => {
    expect(
      identityStatusOf({ nik: '3201144507800001', kk: '3201140101100001', birthDate: '1980-07-05' }),
    ).toBe('COMPLETE')
  })
  it('is partial with a NIK but no KK, and needs no adminduk referral', () => {
    const status = identityStatusOf({ nik: '3201144507800001', birthDate: '1980-07-05' })
    expect(status).toBe('PARTIAL')
    expect(needsAdminduk(status)).toBe(false)
  })
  it('without a NIK needs an adminduk referral, whatever else is known', () => {
    const status = identityStatusOf({ kk: '3201140101100001', birthDate: '1980-07-05' })
    expect(status).toBe('NO_NIK')
    expect(needsAdminduk(status)).toBe(true)
  })
})

describe('the possible-duplicate lookup', () => {
  it('reads the birth year from the date, or from the filing year minus the estimated age', () => {
    expect(birthYearFor({ birthDate: '1980-07-05', estimatedAge: 10 }, 2026)).toBe(1980)
    expect(birthYearFor({ estimatedAge: 62 }, 2026)).toBe(1964)
    expect(birthYearFor({}, 2026)).toBeUndefined()
  })
  it('does not care about case, spacing or punctuation of the name, but about desa and year', () => {
    const text = personLookupText('Ibu Warsih', 1956, '32.01.14.2001')
    expect(personLookupText('  ibu   WARSIH.', 1956, '32.01.14.2001')).toBe(text)
    expect(personLookupText('Ibu Warsih', 1957, '32.01.14.2001')).not.toBe(text)
    expect(personLookupText('Ibu Warsih', 1956, '32.01.14.2002')).not.toBe(text)
  })
})
