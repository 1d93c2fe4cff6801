/** Who changes or reads a register, as the use cases of issue 16 see them (`can` decided by the caller). */
import type { AuditActor } from '../../core/audit/audit-entry'

export interface RegisterActor {
  actor: AuditActor
  /** Whether the actor may act on an entry of this area (`can` for staff). */
  may: (area: string) => boolean
  correlationId: string
  now: Date
}

/** A PSKS register actor, who may also be the office that vets referral receivers there. */
export interface PsksActor extends RegisterActor {
  /** Whether the actor may flag a PSKS of this area for referrals or change its referral email. */
  mayVetReferrals: (area: string) => boolean
}
