import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CASE_NEXT } from '../../../functions/steps/case/case-state'
import { buildBansosAsl } from '../../../workflows/bansos-asl'

const checkedIn = (): {
  States: Record<string, { Type: string; Choices?: { Variable?: string; StringEquals?: string }[] }>
} => JSON.parse(readFileSync(new URL('../../../workflows/bansos.asl.json', import.meta.url), 'utf8'))

describe('the bansos workflow definition', () => {
  it('is what the checked-in builder builds, state for state and in the same order', () => {
    expect(JSON.stringify(checkedIn())).toBe(JSON.stringify(buildBansosAsl()))
  })

  it('routes only next values the case steps can return', () => {
    const tested = Object.values(checkedIn().States).flatMap((state) =>
      (state.Choices ?? []).flatMap((rule) => (rule.Variable === '$.next' ? [rule.StringEquals] : [])),
    )
    expect(tested.length).toBeGreaterThan(0)
    for (const value of tested) expect(CASE_NEXT).toContain(value)
  })

  it('verifies with one TKSK task whose decision or deadline always leads to Close', () => {
    const states = checkedIn().States
    expect(Object.keys(states)).toEqual(
      expect.arrayContaining([
        'Identify',
        'OpenVerification',
        'AwaitVerification',
        'TimerVerification',
        'Close',
      ]),
    )
    expect(states.AfterApplyVerification).toMatchObject({ Default: 'Close' })
  })
})
