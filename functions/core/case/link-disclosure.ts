/**
 * The link pages that show the applicant's personal data (DESIGN §5, issue 19): which
 * task kinds, what they show and the purpose their `PII_READ` entry states. The
 * provider serves the person (`referralDisclosure`); the TKSK visits the person's home
 * for the assessment, so the TKSK's link shows whom to visit, where, and how to call
 * ahead, never NIK or KK (the TKSK reads them off the KTP and KK at the visit). The
 * desa/Disdukcapil of an adminduk referral gets the same: whom to register and where.
 */
import type { CaseRecord } from './case-record'
import { type ReferralDisclosure, referralDisclosure } from './referral-disclosure'
import type { TaskKind } from './task-kinds'

export type ApplicantDisclosure = ReferralDisclosure

export type DisclosurePurpose = 'referral' | 'asesmen' | 'adminduk'

export interface LinkDisclosure {
  purpose: DisclosurePurpose
  disclose: (record: CaseRecord) => ApplicantDisclosure
}

export const visitDisclosure = (record: CaseRecord): ApplicantDisclosure => {
  const { name, address, phone } = record.applicant
  return { name, address, ...(phone ? { phone } : {}) }
}

const REFERRAL: LinkDisclosure = { purpose: 'referral', disclose: referralDisclosure }

const LINK_DISCLOSURES: Partial<Readonly<Record<TaskKind, LinkDisclosure>>> = {
  ASSESSMENT: { purpose: 'asesmen', disclose: visitDisclosure },
  REFERRAL_RESPONSE: REFERRAL,
  REFERRAL_RESULT: REFERRAL,
  // The desa or Disdukcapil registers a person without NIK: it needs whom to find and
  // where (the visit's disclosure), never why the person asked for help.
  ADMINDUK_REFERRAL: { purpose: 'adminduk', disclose: visitDisclosure },
  // The TKSK verifies a complaint, proposal or objection on the spot (ADR 0036): whom and where.
  BANSOS_VERIFICATION: { purpose: 'asesmen', disclose: visitDisclosure },
}

/** What the link of a task of `kind` discloses; `undefined`: nothing personal. */
export const linkDisclosureOf = (kind: TaskKind): LinkDisclosure | undefined => LINK_DISCLOSURES[kind]
