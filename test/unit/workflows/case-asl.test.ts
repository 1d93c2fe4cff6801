import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildCaseAsl } from '../../../workflows/case-asl'

const checkedIn = (): unknown =>
  JSON.parse(readFileSync(new URL('../../../workflows/case.asl.json', import.meta.url), 'utf8'))

describe('the case workflow definition', () => {
  it('is what the checked-in builder builds, state for state and in the same order', () => {
    expect(checkedIn()).toEqual(buildCaseAsl())
    expect(JSON.stringify(checkedIn())).toBe(JSON.stringify(buildCaseAsl()))
  })
})
