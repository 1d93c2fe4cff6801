/**
 * Cognito post-authentication trigger: every staff sign-in on AWS (hosted UI included)
 * becomes a `LOGIN` entry on the user's audit chain. Post-authentication runs once per
 * successful sign-in, not at token refresh, so the chain holds sign-ins, not sessions.
 * If the entry cannot be written the sign-in fails: no unaudited staff session.
 */
import type { PostAuthenticationTriggerEvent } from 'aws-lambda'
import { recordLogin } from '../data/audit-login'
import { withTriggerLogging } from '../observability/trigger-logging'
import { cognitoClaimNames, userFromClaims } from '../shared/auth/claims'

const recordSignIn = async (
  event: PostAuthenticationTriggerEvent,
): Promise<PostAuthenticationTriggerEvent> => {
  const user = userFromClaims(
    { ...event.request.userAttributes, [cognitoClaimNames.username]: event.userName },
    cognitoClaimNames,
  )
  await recordLogin(user, {
    method: 'cognito',
    source: { trigger: event.triggerSource, clientId: event.callerContext.clientId },
    // Cognito gives the trigger no request id of its own; the user pool and user name identify the attempt.
    correlationId: `cognito:${event.userPoolId}:${event.userName}`,
  })
  return event
}

export const handler = withTriggerLogging(recordSignIn)
