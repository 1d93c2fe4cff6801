/**
 * What the provider of a referral sees of the applicant (DESIGN §5): enough to reach and
 * serve the person, nothing more. Name, address and phone always; NIK and No. KK only
 * where the provider registers the person on them (BPJS/Jamkesda membership, the
 * DTKS-based programmes, the SKTM letter that states both, a facility's patient record).
 * Rehabilitation and disaster aid are delivered to a person found at an address, so
 * their providers get no identity numbers.
 */
import type { ServiceCode } from '../catalog/services'
import type { CaseRecord } from './case-record'

const IDENTITY_NEEDED: ReadonlySet<ServiceCode> = new Set<ServiceCode>([
  'SKTM',
  'KIS_PBI',
  'JAMKESDA',
  'PKH',
  'BPNT',
  'RUJUKAN_LAYANAN',
])

export interface ReferralDisclosure {
  name: string
  address: string
  phone?: string
  nik?: string
  kk?: string
}

/** The service the provider was asked for: the recommendation's, else the one requested. */
const referredService = (record: CaseRecord): ServiceCode => record.recommendation?.service ?? record.service

export const referralDisclosure = (record: CaseRecord): ReferralDisclosure => {
  const { name, address, phone, nik, kk } = record.applicant
  return {
    name,
    address,
    ...(phone ? { phone } : {}),
    ...(IDENTITY_NEEDED.has(referredService(record)) ? { nik, kk } : {}),
  }
}

/** The names of the disclosed fields, for the `PII_READ` entry (never their values). */
export const disclosedFields = (disclosure: ReferralDisclosure): string[] =>
  Object.keys(disclosure).map((field) => `applicant.${field}`)
