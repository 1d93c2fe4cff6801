/**
 * What a change to a PSKS may touch, and how a PATCH's contact merges (ADR 0031). A PSKS
 * that accepts referrals receives a case's referral link (full NIK/KK on the page) at its
 * email, so only the office that vets providers (Dinsos, the admin) may turn the flag
 * on or off, or change where that link goes; the TKSK keeps everything else.
 */
import type { PsksContact, PsksRecord } from './psks-record'

/** A PATCH's contact: a field named replaces it, `null` removes it, a field left out stays. */
export type PsksContactPatch = { [field in keyof PsksContact]?: PsksContact[field] | null }

export const mergeContact = (previous: PsksContact, patch: PsksContactPatch | undefined): PsksContact => {
  const merged: PsksContact = { ...previous }
  for (const field of Object.keys(patch ?? {}) as (keyof PsksContact)[]) {
    const value = patch?.[field]
    if (value === null) delete merged[field]
    else if (value !== undefined) merged[field] = value
  }
  return merged
}

type ReferralFields = Pick<PsksRecord, 'acceptsReferrals' | 'contact'>

/** The field paths of a create (`previous` undefined) or change that only a referral vetter may make. */
export const referralVettingPaths = (
  previous: ReferralFields | undefined,
  next: ReferralFields,
): string[] => {
  const wasReferrable = previous?.acceptsReferrals ?? false
  return [
    ...(next.acceptsReferrals !== wasReferrable ? ['acceptsReferrals'] : []),
    ...(wasReferrable && next.acceptsReferrals && next.contact.email !== previous?.contact.email
      ? ['contact.email']
      : []),
  ]
}
