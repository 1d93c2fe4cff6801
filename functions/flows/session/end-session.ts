/**
 * Logging out (DESIGN v3 §5): the session presented is deleted server-side, so the
 * cookie or Bearer token is worthless from now on, even if someone kept a copy.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { findSession, revokeSession } from '../../data/session-repository'
import { assertCsrf } from '../../shared/auth/csrf'
import { presentedToken } from '../../shared/auth/session-token'

/**
 * Ends the request's session, if it has one. Through the cookie the form's CSRF token
 * must match (another site cannot sign staff out); an unknown or dead token has
 * nothing left to end.
 */
export const endSession = async (
  event: APIGatewayProxyEventV2,
  formCsrf: string | undefined,
): Promise<void> => {
  const presented = presentedToken(event)
  if (!presented) return
  const session = await findSession(presented.token)
  if (!session) return
  if (presented.via === 'cookie') assertCsrf(event, formCsrf)
  await revokeSession(session)
}
