import { describe, expect, it } from 'vitest'
import { reportCsv } from '../../../../functions/core/reports/report-csv'

describe('a report CSV', () => {
  const text = reportCsv([
    ['Kecamatan', 'Jumlah'],
    ['Leuwiliang, Bogor', 3],
    ['=HYPERLINK("x")', null],
  ])

  it('starts with a BOM, ends rows with CRLF and quotes what needs quoting', () => {
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.slice(1).split('\r\n')).toEqual([
      'Kecamatan,Jumlah',
      '"Leuwiliang, Bogor",3',
      `"'=HYPERLINK(""x"")",`,
      '',
    ])
  })
})
