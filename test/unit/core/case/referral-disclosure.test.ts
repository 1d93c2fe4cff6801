import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import { disclosedFields, referralDisclosure } from '../../../../functions/core/case/referral-disclosure'

const record = (service: CaseRecord['service'], recommended?: CaseRecord['service']) =>
  ({
    service,
    applicant: {
      nik: '3201144507800001',
      kk: '3201140101100001',
      name: 'Siti Aminah',
      address: 'Kp. Cibeber',
      phone: '081234567890',
    },
    ...(recommended ? { recommendation: { service: recommended } } : {}),
  }) as unknown as CaseRecord

describe('what a referral provider sees', () => {
  it('NIK and KK where the provider registers the person on them', () => {
    const shown = referralDisclosure(record('JAMKESDA'))
    expect(shown).toMatchObject({ nik: '3201144507800001', kk: '3201140101100001', phone: '081234567890' })
    expect(disclosedFields(shown)).toEqual([
      'applicant.name',
      'applicant.address',
      'applicant.phone',
      'applicant.nik',
      'applicant.kk',
    ])
  })

  it('only how to reach the person for services delivered at an address, by the recommended service', () => {
    const shown = referralDisclosure(record('JAMKESDA', 'REHABILITASI_SOSIAL'))
    expect(shown).toEqual({ name: 'Siti Aminah', address: 'Kp. Cibeber', phone: '081234567890' })
  })
})
