/**
 * Signing in (DESIGN v3 §5, ADR 0011): once an identity is established — the Cognito ID
 * token verified at the hosted UI callback, or a directory user picked locally — the
 * staff directory decides whether the person may act and with which role and area, and
 * a server-side session is opened for exactly that. The ID token is not kept.
 */
import type { StaffMember } from '../../data/user-repository'
import { getStaffMember } from '../../data/user-repository'
import { createSession, type SessionMethod } from '../../data/session-repository'
import { SESSION_ABSOLUTE_MS } from '../../core/session/session-rules'
import { sessionCookie } from '../../shared/auth/session-token'
import { nowMs } from '../../shared/clock'
import { UnauthenticatedError } from '../../shared/errors'

export interface StartedSession {
  token: string
  member: StaffMember
  /** The `Set-Cookie` of the session (it outlives idleness; the server ends it earlier). */
  cookie: string
}

export const NOT_ACTIVE_STAFF = 'Akun ini tidak terdaftar sebagai petugas aktif. Hubungi administrator.'

/**
 * Opens the session of a directory entry this same request has just read (the local
 * logins read it to match the username), so the directory is not read twice.
 */
export const openSessionFor = async (
  member: StaffMember | undefined,
  method: SessionMethod,
): Promise<StartedSession> => {
  if (!member || member.active === false) throw new UnauthenticatedError(NOT_ACTIVE_STAFF)
  const token = await createSession(member, method, nowMs())
  return { token, member, cookie: sessionCookie(token, SESSION_ABSOLUTE_MS / 1000) }
}

export const startSession = async (userId: string, method: SessionMethod): Promise<StartedSession> =>
  openSessionFor(await getStaffMember(userId), method)
