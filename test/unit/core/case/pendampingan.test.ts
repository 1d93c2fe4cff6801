import { describe, expect, it } from 'vitest'
import {
  isFutureVisit,
  pendampinganBodySchema,
  pendampinganRefusal,
} from '../../../../functions/core/case/pendampingan'

const SERVED = {
  status: 'CLOSED',
  outcome: 'FULFILLED',
  referral: { acceptedAt: '2026-01-20T03:00:00Z' },
} as const

describe('when pendampingan may be recorded', () => {
  it('is after the result of an accepted referral, served or not', () => {
    expect(pendampinganRefusal(SERVED)).toBeUndefined()
    expect(pendampinganRefusal({ ...SERVED, outcome: 'NOT_FULFILLED' })).toBeUndefined()
  })

  it('is not while the case is open, nor after a close without an accepted referral', () => {
    expect(pendampinganRefusal({ ...SERVED, status: 'REFERRAL', outcome: undefined })).toMatch(
      /hasil rujukan/,
    )
    expect(pendampinganRefusal({ status: 'CLOSED', outcome: 'NOT_ELIGIBLE' })).toMatch(/hasil rujukan/)
    expect(pendampinganRefusal({ ...SERVED, referral: null })).toMatch(/hasil rujukan/)
  })

  it('is also while a case reopened for another service after a result runs again', () => {
    // Another service (ADR 0037): the served referral moved to previousReferrals, the new one is under way.
    expect(pendampinganRefusal({ status: 'RECOMMENDATION', previousReferrals: [{}] })).toBeUndefined()
    expect(
      pendampinganRefusal({ status: 'REFERRAL', referral: { acceptedAt: '2026-01-20T03:00:00Z' } }),
    ).toMatch(/hasil rujukan/)
  })

  it('is not after a withdrawal, even of a referred case', () => {
    expect(pendampinganRefusal({ ...SERVED, outcome: 'WITHDRAWN' })).toMatch(/hasil rujukan/)
  })

  it('is never on an anonymised case', () => {
    expect(pendampinganRefusal({ ...SERVED, anonymisedAt: '2031-02-01T00:00:00Z' })).toMatch(/dianonimkan/)
  })

  it('is not dated after today in the kecamatan', () => {
    expect(isFutureVisit({ date: '2026-02-04' }, '2026-02-03')).toBe(true)
    expect(isFutureVisit({ date: '2026-02-03' }, '2026-02-03')).toBe(false)
  })
})

describe('the pendampingan body', () => {
  const valid = { date: '2026-02-03', kind: 'MEDIASI', findings: 'Sengketa warisan dimediasi', nextVisit: '' }

  it('reads an empty next visit from a form as none planned', () => {
    expect(pendampinganBodySchema.parse(valid)).toEqual({
      date: '2026-02-03',
      kind: 'MEDIASI',
      findings: 'Sengketa warisan dimediasi',
    })
  })

  it('names the field of each mistake', () => {
    const paths = (body: unknown) => {
      const result = pendampinganBodySchema.safeParse(body)
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
    }
    expect(paths({ ...valid, kind: 'ARISAN' })).toEqual(['kind'])
    expect(paths({ ...valid, findings: '   ' })).toEqual(['findings'])
    expect(paths({ ...valid, nextVisit: '2026-02-02' })).toEqual(['nextVisit'])
    expect(paths({ ...valid, date: '03-02-2026' })).toEqual(['date'])
  })
})
