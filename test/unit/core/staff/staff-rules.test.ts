import { describe, expect, it } from 'vitest'
import type { StaffRecord } from '../../../../functions/core/staff/staff-member'
import {
  applyStaffPatch,
  areaProblems,
  endsAuthority,
  endedTermProblems,
  termProblems,
} from '../../../../functions/core/staff/staff-rules'

const known = (code: string) => ['32', '32.01', '32.01.14', '18.71'].includes(code)

const tksk: StaffRecord = {
  staffId: 'tksk.leuwiliang',
  username: 'tksk.leuwiliang',
  name: 'TKSK Leuwiliang',
  email: 't@x.local',
  role: 'tksk',
  area: '32.01.14',
  active: true,
  term: { skNumber: 'SK 1', start: '2026-01-01', end: '2026-06-30' },
  version: 3,
}

describe('which area fits which role', () => {
  it('a TKSK serves a known kecamatan', () => {
    expect(areaProblems('tksk', '32.01.14', known)).toEqual([])
    expect(areaProblems('tksk', '32.01', known)[0]?.message).toMatch(/kecamatan/)
  })

  it('the other roles serve a known kabupaten/kota', () => {
    expect(areaProblems('dinsos', '32.01', known)).toEqual([])
    expect(areaProblems('dinsos', '32.01.14', known)[0]?.message).toMatch(/kabupaten/)
    expect(areaProblems('dinsos', '32.99', known)[0]?.message).toMatch(/tidak dikenal/)
  })

  it('the province office serves a known province, nothing narrower or national', () => {
    expect(areaProblems('dinsos_provinsi', '32', known)).toEqual([])
    expect(areaProblems('dinsos_provinsi', '32.01', known)[0]?.message).toMatch(/provinsi/)
    expect(areaProblems('dinsos_provinsi', '*', known)).toHaveLength(1)
    expect(areaProblems('dinsos', '32', known)[0]?.message).toMatch(/kabupaten/)
  })

  it('only auditors and admins may be national', () => {
    expect(areaProblems('admin', '*', known)).toEqual([])
    expect(areaProblems('auditor', '*', known)).toEqual([])
    expect(areaProblems('dinsos_head', '*', known)).toHaveLength(1)
  })

  it('a TKSK needs an SK; nobody else has one', () => {
    expect(termProblems('tksk', undefined)).toHaveLength(1)
    expect(termProblems('dinsos', tksk.term)).toHaveLength(1)
    expect(termProblems('tksk', tksk.term)).toEqual([])
  })
})

describe('what a change amounts to', () => {
  it('a deactivation ends authority and bumps the version', () => {
    const change = applyStaffPatch(tksk, { active: false })
    expect(change).toMatchObject({
      deactivated: true,
      reactivated: false,
      roleChanged: false,
      areaChanged: false,
    })
    expect(change.next.version).toBe(4)
    expect(endsAuthority(change)).toBe(true)
  })

  it('a move to another kecamatan ends authority; a new name does not', () => {
    expect(endsAuthority(applyStaffPatch(tksk, { area: '32.01.15' }))).toBe(true)
    expect(endsAuthority(applyStaffPatch(tksk, { name: 'Rina' }))).toBe(false)
  })

  it('a null term removes it', () => {
    expect(applyStaffPatch(tksk, { role: 'dinsos', area: '32.01', term: null }).next.term).toBeUndefined()
  })

  it('a TKSK whose term ran out cannot be reactivated without a new one', () => {
    const off = { ...tksk, active: false }
    expect(endedTermProblems(applyStaffPatch(off, { active: true }).next, '2026-07-01')[0]?.path).toBe(
      'term.end',
    )
    expect(endedTermProblems(applyStaffPatch(off, { active: true }).next, '2026-06-30')).toEqual([])
  })
})
