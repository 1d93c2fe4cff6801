import { describe, expect, it } from 'vitest'
import { foreignRows, musdesDateProblem, villageTitle } from '../../../../functions/core/verval/desa-part'
import { rowFromCells } from '../../../../functions/core/verval/verval-row'

describe('the date of a musyawarah desa', () => {
  it('is taken from the month before the period until today', () => {
    expect(musdesDateProblem('2026-10-01', '2026-11', '2026-11-20')).toBeUndefined()
    expect(musdesDateProblem('2026-11-20', '2026-11', '2026-11-20')).toBeUndefined()
    expect(musdesDateProblem('2025-12-15', '2026-01', '2026-01-05')).toBeUndefined()
  })

  it('is refused in the future, before the month ahead of the period, or when it is no date', () => {
    expect(musdesDateProblem('2026-11-21', '2026-11', '2026-11-20')).toBe('FUTURE')
    expect(musdesDateProblem('2026-09-30', '2026-11', '2026-11-20')).toBe('OUTSIDE_PERIOD')
    expect(musdesDateProblem('2026-02-30', '2026-02', '2026-02-27')).toBe('FORMAT')
    expect(musdesDateProblem('20-11-2026', '2026-11', '2026-11-20')).toBe('FORMAT')
  })
})

describe('the rows of a desa part', () => {
  it('names each row of another desa (or none) by its line', () => {
    const rows = ['32.01.14.2001', '32.01.14.2002', ''].map((code, index) =>
      rowFromCells(index + 2, ['', '', '', '', code, 'BARU', '', '']),
    )
    expect(foreignRows(rows, '32.01.14.2001')).toEqual([
      { line: 3, kodeDesa: '32.01.14.2002' },
      { line: 4, kodeDesa: '' },
    ])
  })

  it('titles a kelurahan and a desa by their Kemendagri number', () => {
    expect(villageTitle('32.01.14.1001', 'Leuwiliang')).toBe('Kelurahan Leuwiliang')
    expect(villageTitle('32.01.14.2001', 'Leuwiliang')).toBe('Desa Leuwiliang')
  })
})
