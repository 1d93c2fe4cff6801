/**
 * Cognito pre-token-generation trigger: mirrors the signing-in user's role, area and
 * email into the staff directory (`USER#…`, indexed `STAFF#<area>`), which task routing
 * reads to find the TKSK of a kecamatan or the Dinsos of a kabupaten.
 *
 * Since issue 13 the admin use cases keep the directory and Cognito together (ADR
 * 0015), so the sync only creates an entry that is missing (a user made outside the
 * product, such as the first admin invited on deploy) and never overwrites one: a
 * sign-in cannot undo a deactivation or a term. A user whose
 * attributes do not make a valid staff identity gets no token at all (fail closed),
 * with the same mapping the API applies to the token (`userFromClaims`).
 */
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda'
import { putStaffMemberIfMissing } from '../data/user-repository'
import { withTriggerLogging } from '../observability/trigger-logging'
import { cognitoClaimNames, userFromClaims } from '../shared/auth/claims'

const syncStaffMember = async (
  event: PreTokenGenerationTriggerEvent,
): Promise<PreTokenGenerationTriggerEvent> => {
  const attributes = event.request.userAttributes
  const user = userFromClaims(
    { ...attributes, [cognitoClaimNames.username]: event.userName },
    cognitoClaimNames,
  )
  await putStaffMemberIfMissing({ ...user, displayName: attributes.name ?? user.username })
  return event
}

export const handler = withTriggerLogging(syncStaffMember)
