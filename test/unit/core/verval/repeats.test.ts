import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findRepeats, repeatError } from '../../../../functions/core/verval/repeats'

const line = (n: number, nik: string, no_kk: string) => ({ line: n, nik, no_kk })

describe('NIK and KK repeated in a file', () => {
  it('a repeated NIK is reported on every occurrence after the first, naming the first line', () => {
    const repeats = findRepeats([
      line(2, 'A', 'K1'),
      line(3, 'A', 'K2'),
      line(4, 'B', 'K3'),
      line(5, 'A', 'K4'),
    ])
    expect(repeats).toEqual([
      { line: 3, field: 'nik', firstLine: 2 },
      { line: 5, field: 'nik', firstLine: 2 },
    ])
    const [first] = repeats
    if (!first) throw new Error('no repeat found')
    expect(repeatError(first)).toEqual({
      row: 3,
      field: 'nik',
      code: 'NIK_REPEATED',
      message: 'NIK sudah tercantum di baris 2.',
    })
  })

  it('a KK shared by two rows is reported on the second', () => {
    expect(findRepeats([line(2, 'A', 'K'), line(3, 'B', 'K')])).toEqual([
      { line: 3, field: 'no_kk', firstLine: 2 },
    ])
  })

  it('blank cells are not repeats of each other', () => {
    expect(findRepeats([line(2, '', ''), line(3, '', '')])).toEqual([])
  })

  it('the first occurrence of a value is never reported, and each later one exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 40 }), (niks) => {
        const rows = niks.map((nik, index) => line(index + 2, nik, `K${index}`))
        const repeats = findRepeats(rows)
        const distinct = new Set(niks).size
        expect(repeats).toHaveLength(niks.length - distinct)
        for (const repeat of repeats) {
          expect(repeat.firstLine).toBeLessThan(repeat.line)
          expect(niks[repeat.firstLine - 2]).toBe(niks[repeat.line - 2])
          expect(niks.findIndex((nik) => nik === niks[repeat.line - 2])).toBe(repeat.firstLine - 2)
        }
      }),
    )
  })
})
