/**
 * Every staff request (DESIGN v3 §5, ADR 0011): the presented token must name a live
 * session, the session must be neither idle for 30 minutes nor older than 8 hours, and
 * its holder must still be active in the staff directory with the role and area the
 * session was opened with. A holder who is not (dismissed, moved, promoted) loses every
 * session at once, not just this one. Any failure is the same 401.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { endsEverySessionOfHolder, judgeSession } from '../../core/session/session-rules'
import {
  findSession,
  revokeSession,
  revokeSessionsOf,
  type SessionRecord,
  touchSession,
} from '../../data/session-repository'
import { getStaffMember } from '../../data/user-repository'
import { presentedToken, type PresentedToken } from '../../shared/auth/session-token'
import type { User } from '../../core/identity/user'
import { nowMs } from '../../shared/clock'
import { UnauthenticatedError } from '../../shared/errors'
import { logger } from '../../shared/logger'

export const SESSION_ENDED = 'Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.'

export interface Authenticated {
  user: User
  session: SessionRecord
  presented: PresentedToken
}

/** The request's live session and its holder as the directory has them now. */
export const authenticateSession = async (event: APIGatewayProxyEventV2): Promise<Authenticated> => {
  const presented = presentedToken(event)
  if (!presented) throw new UnauthenticatedError()
  const session = await findSession(presented.token)
  if (!session) throw new UnauthenticatedError(SESSION_ENDED)
  const member = await getStaffMember(session.user.id)
  const now = nowMs()
  const verdict = judgeSession({ ...session, ...session.user }, member, now)
  if (!verdict.holds) {
    logger.info('session ended', { userId: session.user.id, end: verdict.end })
    if (endsEverySessionOfHolder(verdict.end)) await revokeSessionsOf(session.user.id)
    else await revokeSession(session)
    throw new UnauthenticatedError(SESSION_ENDED)
  }
  if (verdict.touch) await touchSession(session, now)
  const user: User = member
    ? { id: member.id, username: member.username, role: member.role, area: member.area, email: member.email }
    : session.user
  return { user, session, presented }
}

export const authenticate = async (event: APIGatewayProxyEventV2): Promise<User> =>
  (await authenticateSession(event)).user
