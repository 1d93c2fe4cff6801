import { describe, expect, it } from 'vitest'
import { type CaseRecord, caseSummary, maskedApplicant } from '../../../../functions/core/case/case-record'
import { SITI_AMINAH } from '../../../support/applicant'

describe('the case as staff see it without a reveal', () => {
  it('shows the NIK and KK masked beside the year of birth only, never the date', () => {
    const shown = maskedApplicant(SITI_AMINAH)
    expect(shown).toMatchObject({ nik: '320114******0001', kk: '320114******0001', birthYear: 1980 })
    expect(shown).not.toHaveProperty('birthDate')
    expect(JSON.stringify(shown)).not.toContain('07-05')
  })

  it('masks a NIK and the birth date quoted in the closing reason of a listed case', () => {
    const record = {
      caseId: 'C1',
      reference: '320114-2026-000001',
      status: 'CLOSED',
      outcomeReason: 'Dicabut: NIK 3201-1445-0780-0001, lahir 05/07/1980',
      kecamatan: '32.01.14',
      applicant: SITI_AMINAH,
      category: 'FAKIR_MISKIN',
      service: 'SKTM',
      createdAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-01-06T00:00:00.000Z',
    } as unknown as CaseRecord
    expect(caseSummary(record).outcomeReason).toBe('Dicabut: NIK 320114******0001, lahir **-**-1980')
    expect(caseSummary(record).reference).toBe('320114-2026-000001')
  })
})
