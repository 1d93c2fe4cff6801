import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildVervalAsl } from '../../../workflows/verval-asl'

const checkedIn = (): unknown =>
  JSON.parse(readFileSync(new URL('../../../workflows/verval.asl.json', import.meta.url), 'utf8'))

describe('the verval workflow definition', () => {
  it('is what the checked-in builder builds, state for state and in the same order', () => {
    expect(checkedIn()).toEqual(buildVervalAsl())
    expect(JSON.stringify(checkedIn())).toBe(JSON.stringify(buildVervalAsl()))
  })
})
