import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskAccount, maskName, maskProtectedIn } from '../../../../functions/core/identity/mask-protected'

const accountNumber = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 20 })
const word = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  minLength: 2,
  maxLength: 12,
})
const maidenName = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '))

describe('the mask of a bank account number', () => {
  it('shows only the last four digits, the rest starred, keeping the length', () => {
    expect(maskAccount('0123456789012')).toBe('*********9012')
  })

  it('never shows more than four of the number’s characters, whatever the number', () => {
    fc.assert(
      fc.property(accountNumber, (number) => {
        const masked = maskAccount(number)
        expect(masked).toHaveLength(number.length)
        expect(masked.replaceAll('*', '').length).toBeLessThanOrEqual(4)
        expect(masked.slice(0, -4)).toMatch(/^\*+$/)
        expect(masked).not.toContain(number.slice(0, 5))
      }),
    )
  })

  it('a value too short to be an account is starred out whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 7 }), (value) => {
        expect(maskAccount(value)).toBe('*'.repeat(value.length))
      }),
    )
  })
})

describe('the mask of a mother’s maiden name', () => {
  it('keeps the initials only', () => {
    expect(maskName('Siti  Aminah ')).toBe('S. A.')
  })

  it('never holds two letters of a word side by side, so no part of the name can be read back', () => {
    fc.assert(
      fc.property(maidenName, (name) => {
        const masked = maskName(name)
        expect(masked).toMatch(/^(?:[A-Za-z]\.)(?: [A-Za-z]\.)*$/)
        for (const part of name.split(' ')) expect(masked).not.toContain(part)
      }),
    )
  })

  it('masking a mask again tells nothing more', () => {
    fc.assert(
      fc.property(maidenName, (name) => {
        expect(maskName(maskName(name))).toBe(maskName(name))
      }),
    )
  })
})

describe('a row’s account and mother’s name quoted in free text (a reveal’s purpose)', () => {
  const row = { no_rekening: '0021000201201', nama_ibu_kandung: 'Ratna Dewi' }

  it('become their masks, however the digits were grouped and the name written', () => {
    expect(maskProtectedIn('cocokkan rek 0021 0002 01201 a.n. ibu RATNA  dewi', row)).toBe(
      'cocokkan rek *********1201 a.n. ibu R. D.',
    )
    expect(maskProtectedIn('rek 0021-000-201201, ibu Ratna Dewi.', row)).toBe('rek *********1201, ibu R. D..')
  })

  it('leave other numbers and words alone: a longer number, another name, a name inside a word', () => {
    const text = 'rek 10021000201201 / 002100020120, Ratna Dewita, Ratna'
    expect(maskProtectedIn(text, row)).toBe(text)
    expect(maskProtectedIn('cocokkan buku tabungan', {})).toBe('cocokkan buku tabungan')
  })

  it('star a short mother’s name (Ai, A) but not the letters of a dotted abbreviation', () => {
    const ai = maskProtectedIn('cocokkan a.n. ibu Ai di buku tabungan', { nama_ibu_kandung: 'Ai' })
    expect(ai).not.toMatch(/\bAi\b/)
    expect(ai).toContain('cocokkan a.n. ibu ')
    const a = maskProtectedIn('cocokkan a.n. ibu A.', { nama_ibu_kandung: 'A' })
    expect(a.startsWith('cocokkan a.n. ibu ')).toBe(true)
    expect(a.slice('cocokkan a.n. ibu '.length)).not.toBe('A.')
    expect(maskProtectedIn('cocokkan a.n. Ani', { nama_ibu_kandung: 'Ani' })).toBe('cocokkan a.n. A.')
  })

  it('never leave the account’s digits readable, whatever separators were typed between them', () => {
    const separator = fc.constantFrom('', ' ', '.', '-', ' - ', '/')
    fc.assert(
      fc.property(accountNumber, fc.array(separator, { minLength: 20, maxLength: 20 }), (number, gaps) => {
        const typed = [...number].map((digit, index) => `${index === 0 ? '' : gaps[index]}${digit}`).join('')
        const masked = maskProtectedIn(`rekening ${typed} milik ibu`, { no_rekening: number })
        expect(masked).toBe(`rekening ${maskAccount(number)} milik ibu`)
      }),
    )
  })
})
