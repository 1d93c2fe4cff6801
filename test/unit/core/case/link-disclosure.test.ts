import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import { linkDisclosureOf } from '../../../../functions/core/case/link-disclosure'
import { disclosedFields } from '../../../../functions/core/case/referral-disclosure'
import { SITI_AMINAH } from '../../../support/applicant'

const record = (phone?: string) =>
  ({ service: 'JAMKESDA', applicant: { ...SITI_AMINAH, phone } }) as unknown as CaseRecord

describe('what a link page shows of the applicant', () => {
  it("shows the TKSK whom to visit, where and how to call ahead, audited with purpose 'asesmen'", () => {
    const policy = linkDisclosureOf('ASSESSMENT')
    expect(policy?.purpose).toBe('asesmen')
    const shown = policy?.disclose(record('081234567890'))
    expect(shown).toEqual({ name: 'Siti Aminah', address: 'Kp. Cibeber RT 02/03', phone: '081234567890' })
    expect(disclosedFields(shown ?? { name: '', address: '' })).toEqual([
      'applicant.name',
      'applicant.address',
      'applicant.phone',
    ])
  })

  it('never shows the TKSK NIK or KK: they are read off the documents at the visit', () => {
    const shown = linkDisclosureOf('ASSESSMENT')?.disclose(record())
    expect(shown).toEqual({ name: 'Siti Aminah', address: 'Kp. Cibeber RT 02/03' })
  })

  it("keeps the provider's referral pages on purpose 'referral' and the other links free of personal data", () => {
    expect(linkDisclosureOf('REFERRAL_RESPONSE')?.purpose).toBe('referral')
    expect(linkDisclosureOf('REFERRAL_RESULT')?.purpose).toBe('referral')
    for (const kind of ['APPROVAL', 'ASSESSMENT_ESCALATION', 'REREFERRAL', 'PROVIDER_CHOICE'] as const)
      expect(linkDisclosureOf(kind)).toBeUndefined()
  })

  it("shows the desa/Disdukcapil of an adminduk referral the visit's data, audited with purpose 'adminduk'", () => {
    const policy = linkDisclosureOf('ADMINDUK_REFERRAL')
    expect(policy?.purpose).toBe('adminduk')
    expect(policy?.disclose(record('081234567890'))).toEqual({
      name: 'Siti Aminah',
      address: 'Kp. Cibeber RT 02/03',
      phone: '081234567890',
    })
  })
})
