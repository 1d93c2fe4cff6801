import { describe, expect, it } from 'vitest'
import {
  CATEGORIES,
  CATEGORY_CODES,
  CATEGORY_LABELS,
  categoryCodeSchema,
  isSensitiveCategory,
} from '../../../../functions/core/catalog/categories'

describe('PPKS categories', () => {
  it('are the 26 Permensos categories, each labelled once', () => {
    expect(CATEGORY_CODES).toHaveLength(26)
    expect(new Set(Object.values(CATEGORY_LABELS)).size).toBe(26)
    expect(CATEGORIES.map((category) => category.code)).toEqual([...CATEGORY_CODES])
  })

  it.each([
    ['ANAK_BALITA_TERLANTAR', 'Anak Balita Terlantar'],
    ['ODHA', 'Orang dengan HIV/AIDS (ODHA)'],
    ['KORBAN_NAPZA', 'Korban Penyalahgunaan NAPZA'],
    ['BEKAS_WARGA_BINAAN', 'Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)'],
    ['KOMUNITAS_ADAT_TERPENCIL', 'Komunitas Adat Terpencil (KAT)'],
    ['FAKIR_MISKIN', 'Fakir Miskin'],
  ] as const)('%s is called "%s"', (code, label) => {
    expect(CATEGORY_LABELS[code]).toBe(label)
  })

  it('every child category and the stigmatising ones are sensitive, and no other', () => {
    const sensitive = CATEGORIES.filter((category) => category.sensitive).map((category) => category.code)
    expect(sensitive.sort()).toEqual(
      [
        'ANAK_BALITA_TERLANTAR',
        'ANAK_TERLANTAR',
        'ANAK_BERHADAPAN_HUKUM',
        'ANAK_JALANAN',
        'ANAK_DISABILITAS',
        'ANAK_KORBAN_KEKERASAN',
        'ANAK_PERLINDUNGAN_KHUSUS',
        'ODHA',
        'KORBAN_NAPZA',
        'KORBAN_TRAFFICKING',
        'KORBAN_KEKERASAN',
        'TUNA_SUSILA',
      ].sort(),
    )
    expect(isSensitiveCategory('KORBAN_BENCANA_ALAM')).toBe(false)
  })

  it('the schema accepts exactly the listed codes', () => {
    expect(categoryCodeSchema.options).toEqual([...CATEGORY_CODES])
    expect(categoryCodeSchema.safeParse('FAKIR_MISKIN').success).toBe(true)
    expect(categoryCodeSchema.safeParse('fakir_miskin').success).toBe(false)
  })
})
