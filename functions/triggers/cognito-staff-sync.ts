/**
 * Cognito pre-token-generation trigger: mirrors the signing-in user's role, area and
 * email into the staff directory (`USER#…`, indexed `STAFF#<area>`), which task routing
 * reads to find the TKSK of a kecamatan or the Dinsos of a kabupaten.
 *
 * Pre-token generation rather than post-confirmation: it runs at every sign-in and
 * token refresh, so an admin's change of `custom:area` or `custom:role` (a TKSK moved to
 * another kecamatan) reaches the directory at that user's next sign-in; post-confirmation
 * runs once per account and would leave the directory stale for good. A user whose
 * attributes do not make a valid staff identity gets no token at all (fail closed),
 * with the same mapping the API applies to the token (`userFromClaims`).
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda'
import { putStaffMember } from '../data/user-repository'
import { cognitoClaimNames, userFromClaims } from '../shared/auth/claims'

export const handler = async (
  event: PreTokenGenerationTriggerEvent,
): Promise<PreTokenGenerationTriggerEvent> => {
  const attributes = event.request.userAttributes
  const user = userFromClaims(
    { ...attributes, [cognitoClaimNames.username]: event.userName },
    cognitoClaimNames,
  )
  await putStaffMember({ ...user, displayName: attributes.name ?? user.username })
  return event
}
