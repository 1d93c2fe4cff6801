import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildLaporanAsl } from '../../../workflows/laporan-asl'

const checkedIn = (): unknown =>
  JSON.parse(readFileSync(new URL('../../../workflows/laporan.asl.json', import.meta.url), 'utf8'))

describe('the laporan workflow definition', () => {
  it('is what the checked-in builder builds, state for state and in the same order', () => {
    expect(checkedIn()).toEqual(buildLaporanAsl())
    expect(JSON.stringify(checkedIn())).toBe(JSON.stringify(buildLaporanAsl()))
  })
})
