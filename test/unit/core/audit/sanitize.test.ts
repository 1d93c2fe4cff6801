import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nextEntry } from '../../../../functions/core/audit/next-entry'
import { holdsUnmaskedIdentity, sanitizeAuditValue } from '../../../../functions/core/audit/sanitize'
import { input } from './arbitraries'

const NIK = '3201144507800001'
const KK = '3201140101100001'

describe('audit values', () => {
  it('carry a NIK or KK only masked, wherever it sits', () => {
    const value = sanitizeAuditValue({
      applicant: { nik: NIK, kk: KK, name: 'Siti Aminah' },
      note: `NIK ${NIK} pindah`,
      rows: [{ nik: NIK }],
      [NIK]: 'keyed by NIK',
      asNumber: 3201144507800001,
    })
    expect(value).toEqual({
      applicant: { nik: '320114******0001', kk: '320114******0001', name: 'Siti Aminah' },
      note: 'NIK 320114******0001 pindah',
      rows: [{ nik: '320114******0001' }],
      '320114******0001': 'keyed by NIK',
      asNumber: '320114******0001',
    })
    expect(JSON.stringify(value)).not.toContain(NIK)
  })

  it('keep phone numbers, case references and amounts as they are', () => {
    const value = { phone: '081234567890', reference: '320114-2026-000042', amount: 600000, ok: true }
    expect(sanitizeAuditValue(value)).toEqual(value)
  })

  it('become plain JSON as DynamoDB gives it back: no undefined, no NaN, dates as ISO strings', () => {
    expect(
      sanitizeAuditValue({
        a: undefined,
        b: Number.NaN,
        c: new Date('2026-01-02T03:04:05Z'),
        d: [undefined],
        e: 1e21,
      }),
    ).toEqual({ b: null, c: '2026-01-02T03:04:05.000Z', d: [null], e: '1e+21' })
    // An unsafe integer is long enough to hide a NIK: starred out like any long digit run.
    expect(sanitizeAuditValue(2 ** 60)).toBe('*'.repeat(19))
    expect(sanitizeAuditValue(undefined)).toBeNull()
  })

  it('never hold a 16-digit run after masking, whatever was given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.stringMatching(/^\d{16}$/), (value, nik) => {
        const sanitized = sanitizeAuditValue({ value, nik, text: `x${nik}y` })
        expect(holdsUnmaskedIdentity(sanitized)).toBe(false)
        expect(JSON.stringify(sanitized)).not.toContain(nik)
      }),
    )
  })

  it('are masked in the entry before it is hashed, so the stored entry is the sealed one', () => {
    const entry = nextEntry(
      undefined,
      input({
        after: { nik: NIK },
        correlationId: `req-${NIK}`,
        actor: { id: 'link:x', role: 'provider', userAgent: `UA ${NIK}` },
      }),
      new Date(0),
    )
    expect(JSON.stringify(entry)).not.toContain(NIK)
    expect(entry.after).toEqual({ nik: '320114******0001' })
  })
})
