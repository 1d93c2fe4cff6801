/**
 * A case as the system keeps it (DESIGN §1). The applicant's NIK and KK are held in full
 * only here, for the purposes the law allows (the reveal and the provider's page);
 * every view masks them (`caseSummary`).
 */
import type { Attention } from '../attention/attention'
import type { BansosDetails } from '../bansos/bansos-case'
import type { BansosResolution } from '../bansos/verification'
import type { CaseOutcome, CaseStatus } from '../catalog/case-statuses'
import type { CategoryCode } from '../catalog/categories'
import type { ServiceCode } from '../catalog/services'
import { maskIdentity, maskPersonalText } from '../identity/disclosure'
import type { Role } from '../identity/user'
import type { RegionFlag } from '../identity/validate-identity'
import type { CaseKind } from './case-kind'
import type { Filer, IdentityStatus } from './filer'
import type { Applicant } from './intake-schema'
import type { PendampinganEntry } from './pendampingan'
import type { Decision } from './task-kinds'

/** Who a person acting on a case is: a staff role, or a service provider (mailed links only). */
export type PersonRole = Role | 'provider'

export interface Person {
  id: string
  role: PersonRole
  name: string
  email: string
}

export interface HistoryEntry {
  status: CaseStatus
  at: string
}

export interface Recommendation {
  service: ServiceCode
  providerId: string
  providerName: string
  justification: string
  at: string
}

export type ReferralResult = 'SERVED' | 'NOT_SERVED'

export interface Referral {
  providerId: string
  providerName: string
  acceptedAt?: string
}

/** A finished service of a case reopened for another one (ADR 0037): its referral and how it closed. */
export interface PreviousReferral extends Referral {
  service: ServiceCode
  result: ReferralResult
  outcome: CaseOutcome
  outcomeReason?: string
  closedAt: string
}

/** The TKSK's open offer of another service after a result closed the case (ADR 0037). */
export interface FollowUpOffer {
  taskId: string
  round: number
}

export interface AnotherService {
  service: ServiceCode
  /** Masked like every free text of a case. */
  justification: string
  by: string
  at: string
  /** The workflow round the new cycle runs in (task idempotency keys). */
  round: number
}

export interface CaseRecord {
  caseId: string
  reference: string
  status: CaseStatus
  outcome?: CaseOutcome
  outcomeReason?: string
  kecamatan: string
  kabupaten: string
  applicant: Applicant
  /** Absent when the person has no NIK on record (issue 15): no dedup marker, no registry link. */
  nikRef?: string
  /** Who filed the case (issue 15); absent on cases filed before it, which were all `SELF`. */
  filer?: Filer
  /** How complete the person's documents are (issue 15); absent means `COMPLETE`. */
  identityStatus?: IdentityStatus
  /** HMAC of desa, birth year and name: the possible-duplicate lookup (ADR 0027). */
  personRef?: string
  nikRegisteredElsewhere: boolean
  /**
   * Another open case of the same NIK and service, found when adminduk's NIK was recorded
   * (ADR 0037): a warning for staff; nothing is merged or closed.
   */
  sameNikOpenCase?: string
  /** NIK/KK naming a kecamatan not in today's list (an old code): accepted, shown to the TKSK. */
  regionFlags?: RegionFlag[]
  category: CategoryCode
  sensitive: boolean
  service: ServiceCode
  description?: string
  consentVersion: string
  /**
   * The resident's key to the status page (core/case/access-code.ts), kept as is so staff
   * can read it to a resident who lost it (ADR 0011). Absent on cases filed before it.
   */
  accessCode?: string
  createdAt: string
  updatedAt: string
  closedAt?: string
  /** When the retention job anonymised the applicant's data (functions/core/retention). */
  anonymisedAt?: string
  history: HistoryEntry[]
  /** The open case this one repeats (set at intake, closed DUPLICATE by Identify). */
  duplicateOf?: string
  assignee?: Person
  assessment?: Decision & { by: string; at: string }
  recommendation?: Recommendation
  approval?: Decision & { by: string; at: string }
  declinedProviders?: string[]
  referral?: Referral
  /** Referrals of earlier services of the same case with their results, oldest first (ADR 0037). */
  previousReferrals?: PreviousReferral[]
  /** Set while the follow-up after a result is open on the closed case (ADR 0037). */
  followUp?: FollowUpOffer
  /** The TKSK's request for another service after a result (ADR 0037): the new recommendation's justification. */
  anotherService?: AnotherService
  /** The TKSK's pendampingan after the referral's result, oldest first (issue 15, ADR 0032). */
  pendampingan?: PendampinganEntry[]
  /** Verification code of the Surat Rekomendasi issued on approval (`/v/{code}`). */
  letterCode?: string
  /** The task the workflow currently waits on (withdrawal cancels it). */
  currentTaskId?: string
  workflowStartedAt?: string
  /**
   * The intake request's correlation id (ADR 0050): the workflow is started under it, by the
   * case starter or by a read that finds the case unmarked first, so the steps' log lines
   * lead back to the intake whoever started it. Absent on cases filed before ADR 0050.
   */
  intakeCorrelationId?: string
  /**
   * The resident asked for no more SMS (ADR 0028): through the TKSK (a staff action, audited
   * `SMS_OPTED_OUT`), or by replying STOP on AWS (recorded when the next send is refused).
   */
  smsOptOut?: { at: string; via: 'staff' | 'reply'; by?: string }
  /** Workflow steps already applied (their idempotency keys). */
  steps?: string[]
  /** NEEDS_ATTENTION: its workflow halted on a failed step until a retry (ADR 0025). */
  attention?: Attention
  /** What the case is about (ADR 0036); absent on service requests, `LAYANAN`. */
  kind?: CaseKind
  /** A complaint's, proposal's or objection's own facts (program, type, who filed). */
  bansos?: BansosDetails
  /** How the TKSK's verification of a bansos case ended. */
  resolution?: BansosResolution
}

/** The case as staff lists and pages show it: no full NIK/KK, ever (the reason is free text, masked again). */
export const caseSummary = (record: CaseRecord) => ({
  caseId: record.caseId,
  reference: record.reference,
  ...(record.kind ? { kind: record.kind } : {}),
  status: record.status,
  ...(record.outcome ? { outcome: record.outcome } : {}),
  ...(record.outcomeReason
    ? { outcomeReason: maskPersonalText(record.outcomeReason, record.applicant) }
    : {}),
  kecamatan: record.kecamatan,
  villageCode: record.applicant.villageCode,
  category: record.category,
  service: record.service,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  ...(record.attention
    ? {
        attention: {
          status: record.attention.status,
          state: record.attention.state,
          error: record.attention.error,
          at: record.attention.at,
        },
      }
    : {}),
})

/** The applicant as every staff view shows it without a reveal (see `maskIdentity`). */
export const maskedApplicant = (applicant: Applicant) => maskIdentity(applicant)
