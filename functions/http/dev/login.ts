import { recordLogin } from '../../data/audit-login'
import { getStaffMember } from '../../data/user-repository'
import { openSessionFor } from '../../flows/session/start-session'
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json, withCookies } from '../runtime/responses'
import { devLoginSchema } from './schemas'

/**
 * Local stand-in for the Cognito hosted UI: a session for an active directory user. The
 * token is the session's (usable as `Authorization: Bearer`), also set as the cookie;
 * logout, deactivation and role or area changes end it like any other.
 */
export const login = publicAction(async (request) => {
  const { username } = parseJsonBody(request, devLoginSchema)
  const member = await getStaffMember(username)
  if (!member || member.username !== username) throw new NotFoundError('Pengguna tidak dikenal.')
  const { token, cookie } = await openSessionFor(member, 'dev-api')
  await recordLogin(member, { method: 'dev-api', correlationId: request.correlationId })
  return withCookies(json(200, { token }), [cookie])
})
