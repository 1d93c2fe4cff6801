/**
 * The resident most tests file for: a woman born 5 July 1980 in Leuwiliang (32.01.14).
 * One definition, so the intake the integration driver posts and the case records unit
 * tests build describe the same person.
 */
import type { Applicant } from '../../functions/core/case/intake-schema'

export const SITI_AMINAH = {
  nik: '3201144507800001',
  kk: '3201140101100001',
  name: 'Siti Aminah',
  birthDate: '1980-07-05',
  phone: '081234567890',
  email: 'siti@example.org',
  address: 'Kp. Cibeber RT 02/03',
  villageCode: '32.01.14.2001',
} satisfies Applicant
