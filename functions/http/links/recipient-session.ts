/**
 * `LINK_REQUIRES_LOGIN=true` (DESIGN §5): offices that do not trust a mailed secret
 * alone make a staff link also need its recipient's session. Providers have no login,
 * so their links stay secret-only.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { authenticate } from '../../flows/session/authenticate'
import { isRole } from '../../core/identity/user'
import { env } from '../../shared/env'
import { isAppError, UnauthenticatedError } from '../../shared/errors'
import type { LinkRecord } from '../../data/link-repository'

export const requireRecipientSession = async (
  event: APIGatewayProxyEventV2,
  link: LinkRecord,
): Promise<void> => {
  if (!env.linkRequiresLogin() || !isRole(link.recipient.role)) return
  const user = await authenticate(event).catch((error: unknown) => {
    // A refused or absent token asks for a login; a broken setup stays a logged 500.
    if (isAppError(error)) return undefined
    throw error
  })
  // Someone else's session is no better than none: the link is bound to its recipient.
  if (user?.id !== link.recipient.id)
    throw new UnauthenticatedError('Masuk sebagai penerima tautan ini untuk membukanya.')
}
