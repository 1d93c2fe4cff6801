import { describe, expect, it } from 'vitest'
import {
  providerInputOf,
  readProviderSheet,
  sheetPath,
} from '../../../../functions/core/providers/provider-sheet'

const csv = (text: string) => Buffer.from(text, 'utf8')

describe('the provider spreadsheet', () => {
  it('reads the columns in any order and case, `,` or `;` between cells, codes separated by spaces', async () => {
    for (const sep of [',', ';']) {
      const text = [
        ['WILAYAH', 'Nama', 'email', 'jenis', 'layanan', 'telepon'].join(sep),
        '',
        [
          '32.01.14.2001 32.01.14.2002',
          'Desa Karacak',
          'karacak@example.org',
          'pemerintah_desa',
          'sktm',
          '',
        ].join(sep),
      ].join('\n')
      const rows = await readProviderSheet(csv(`\uFEFF${text}`), 'csv')
      expect(rows.map((row) => row.line)).toEqual([3])
      expect(rows.map(providerInputOf)[0]).toEqual({
        name: 'Desa Karacak',
        kind: 'PEMERINTAH_DESA',
        email: 'karacak@example.org',
        services: ['SKTM'],
        areas: ['32.01.14.2001', '32.01.14.2002'],
      })
    }
  })

  it('a header without every column, or a file without rows, is refused as a whole', async () => {
    await expect(readProviderSheet(csv('nama,jenis,email\nA,LKS,a@example.org'), 'csv')).rejects.toThrow(
      'telepon, layanan, wilayah',
    )
    await expect(readProviderSheet(csv('nama,jenis,email,telepon,layanan,wilayah\n'), 'csv')).rejects.toThrow(
      'tidak berisi baris data',
    )
  })

  it('names an input field’s problem by its line and the column the office typed it in', () => {
    expect(sheetPath(7, 'services.1')).toBe('rows.7.layanan')
    expect(sheetPath(7, 'areas')).toBe('rows.7.wilayah')
    expect(sheetPath(2, 'kind')).toBe('rows.2.jenis')
  })
})
