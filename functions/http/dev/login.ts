import { recordLogin } from '../../data/audit-login'
import { getStaffMember } from '../../data/user-repository'
import { sessionCookie } from '../../shared/auth/authenticate'
import { issueLocalToken, SESSION_TTL_SECONDS } from '../../shared/auth/local-issuer'
import { NotFoundError } from '../../shared/errors'
import { publicAction } from '../runtime/action'
import { parseJsonBody } from '../runtime/parse'
import { json, withCookies } from '../runtime/responses'
import { devLoginSchema } from './schemas'

/** Local stand-in for the Cognito hosted UI: a token for a seeded user, also as the session cookie. */
export const login = publicAction(async (request) => {
  const { username } = parseJsonBody(request, devLoginSchema)
  const member = await getStaffMember(username)
  if (!member || member.username !== username) throw new NotFoundError('Pengguna tidak dikenal.')
  const token = await issueLocalToken(member)
  await recordLogin(member, { method: 'dev-api', correlationId: request.correlationId })
  return withCookies(json(200, { token }), [sessionCookie(token, SESSION_TTL_SECONDS)])
})
