/**
 * Who filed a case and how complete the person's identity is (issue 15, ADR 0027).
 * A case is filed by the person in need (`SELF`), by someone reporting them
 * (`REPORTER`: a neighbour, the RT/RW, a kader PSM…) or by a TKSK in the field (`TKSK`).
 * The reporter follows the status with the reference and access code like anyone, and
 * never sees more than the status answer (no PII of the person reported).
 */
import type { Applicant, Reporter } from './intake-schema'

export type Filer =
  | { kind: 'SELF' }
  | { kind: 'REPORTER'; reporter: Reporter }
  | { kind: 'TKSK'; staffId: string; name: string }

export type FilerKind = Filer['kind']

export const FILER_LABELS: Readonly<Record<FilerKind, string>> = {
  SELF: 'Pemohon sendiri',
  REPORTER: 'Dilaporkan orang lain',
  TKSK: 'Dicatat TKSK di lapangan',
}

/**
 * `COMPLETE`: NIK, KK and birth date on record. `NO_NIK`: no NIK (unknown to the filer
 * or never issued), so the workflow asks adminduk for one. `PARTIAL`: a NIK, but no KK
 * or no birth date.
 */
export const IDENTITY_STATUSES = ['COMPLETE', 'NO_NIK', 'PARTIAL'] as const
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number]

export const IDENTITY_STATUS_LABELS: Readonly<Record<IdentityStatus, string>> = {
  COMPLETE: 'Dokumen lengkap',
  NO_NIK: 'Tanpa NIK (rujukan adminduk)',
  PARTIAL: 'Dokumen sebagian (KK atau tanggal lahir tidak ada)',
}

export const identityStatusOf = (applicant: Pick<Applicant, 'nik' | 'kk' | 'birthDate'>): IdentityStatus => {
  if (applicant.nik === undefined) return 'NO_NIK'
  return applicant.kk === undefined || applicant.birthDate === undefined ? 'PARTIAL' : 'COMPLETE'
}

/** Whether the workflow must refer the person to adminduk for a NIK. */
export const needsAdminduk = (status: IdentityStatus | undefined): boolean => status === 'NO_NIK'

/**
 * The year of birth the duplicate warning compares: the birth date's, or the filing year
 * minus the estimated age. An estimate is a guess; the warning says "mungkin".
 */
export const birthYearFor = (
  applicant: Pick<Applicant, 'birthDate' | 'estimatedAge'>,
  filingYear: number,
): number | undefined => {
  if (applicant.birthDate !== undefined) return Number(applicant.birthDate.slice(0, 4))
  return applicant.estimatedAge === undefined ? undefined : filingYear - applicant.estimatedAge
}

/** A name as the duplicate warning compares it: case, spacing and punctuation do not matter. */
export const normalisedName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/**
 * What the possible-duplicate lookup is keyed by (same name, birth year and desa). The
 * key holds an HMAC of it (see `personRefOf` in flows), never the name itself.
 */
export const personLookupText = (name: string, birthYear: number, villageCode: string): string =>
  `${villageCode}|${birthYear}|${normalisedName(name)}`
