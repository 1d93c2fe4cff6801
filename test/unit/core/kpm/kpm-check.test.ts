import { describe, expect, it } from 'vitest'
import { nikRefOf } from '../../../../functions/core/identity/nik-ref'
import { maskNik } from '../../../../functions/core/identity/mask'
import { createKpmCheckSchema, kpmCheckView, nikCandidates } from '../../../../functions/core/kpm/kpm-check'

const NOW = new Date('2026-12-06T08:00:00Z')
const pathsOf = (body: unknown) => {
  const parsed = createKpmCheckSchema(NOW).safeParse(body)
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))
}

describe('the KPM check input', () => {
  it('takes a 16-digit KK and a real, past birth date, and nothing else', () => {
    expect(pathsOf({ kk: '3201140101100001', birthDate: '1980-07-05' })).toEqual([])
    expect(pathsOf({ kk: '320114010110001', birthDate: '1980-07-05' })).toEqual(['kk'])
    expect(pathsOf({ kk: '3201140101100001', birthDate: '1981-02-29' })).toEqual(['birthDate'])
    expect(pathsOf({ kk: '3201140101100001', birthDate: '2026-12-20' })).toEqual(['birthDate'])
    expect(pathsOf({ kk: '3201140101100001', birthDate: '1900-01-01' })).toEqual(['birthDate'])
    expect(pathsOf({ kk: '3201140101100001', birthDate: '1980-07-05', name: 'x' })).toEqual([''])
  })
})

describe('a birth date checked against a masked NIK', () => {
  it('rebuilds the man’s and the woman’s form of the NIK, one of which is the registered one', () => {
    const man = '3201140507800001'
    const woman = '3201144507800002'
    expect(nikCandidates(maskNik(man), '1980-07-05')).toEqual([man, '3201144507800001'])
    expect(nikCandidates(maskNik(woman), '1980-07-05')).toContain(woman)
    const pepper = 'pepper'
    const matches = (nik: string, date: string) =>
      nikCandidates(maskNik(nik), date).some(
        (candidate) => nikRefOf(candidate, pepper) === nikRefOf(nik, pepper),
      )
    expect(matches(woman, '1980-07-05')).toBe(true)
    expect(matches(woman, '1980-07-06')).toBe(false)
    expect(matches(man, '1981-07-05')).toBe(false)
  })

  it('rebuilds nothing from a value that is not the registry’s mask', () => {
    expect(nikCandidates('****************', '1980-07-05')).toEqual([])
    expect(nikCandidates('320114******0001', '05-07-1980')).toEqual([])
  })
})

describe('the answer', () => {
  it('names every program, active or not listed, and nothing else', () => {
    expect(kpmCheckView(new Set(['PKH']))).toEqual({
      programs: [
        { program: 'BPNT', status: 'NOT_LISTED' },
        { program: 'PKH', status: 'ACTIVE' },
        { program: 'PBI', status: 'NOT_LISTED' },
      ],
    })
  })
})
