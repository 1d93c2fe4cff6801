import { describe, expect, it } from 'vitest'
import {
  ACCESS_CODE_ALPHABET,
  accessCodeFromBytes,
  accessCodeSchema,
} from '../../../../functions/core/case/access-code'

describe('the access code of a case', () => {
  it('is six characters of the alphabet without look-alikes (no 0/O, 1/I)', () => {
    expect(ACCESS_CODE_ALPHABET).toHaveLength(32)
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01OI]/)
    expect(accessCodeFromBytes(Uint8Array.from([0, 1, 31, 32, 255, 100]))).toBe('AB9A9E')
  })

  it('uses every character of the alphabet equally (each byte value maps to one of 32, 8 times)', () => {
    const counts = new Map<string, number>()
    for (let byte = 0; byte < 256; byte += 1) {
      const letter = accessCodeFromBytes(Uint8Array.from([byte, 0, 0, 0, 0, 0])).charAt(0)
      counts.set(letter, (counts.get(letter) ?? 0) + 1)
    }
    expect(counts.size).toBe(32)
    expect([...counts.values()].every((n) => n === 8)).toBe(true)
  })

  it('refuses to make a code from too few random bytes', () => {
    expect(() => accessCodeFromBytes(new Uint8Array(5))).toThrow(RangeError)
  })

  it('reads what a resident types: lower case, spaces and a dash are fine', () => {
    expect(accessCodeSchema.parse('k7q m2x')).toBe('K7QM2X')
    expect(accessCodeSchema.parse('K7Q-M2X')).toBe('K7QM2X')
  })

  it('refuses codes of another length or with look-alike characters', () => {
    for (const typed of ['K7QM2', 'K7QM2XY', 'K7QM0X', 'K7QMIX', ''])
      expect(accessCodeSchema.safeParse(typed).success).toBe(false)
  })
})
