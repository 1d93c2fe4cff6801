/**
 * When a staff session still holds (DESIGN v3 §5, ADR 0011): 30 minutes without a request
 * end it, 8 hours after sign-in end it whatever the activity, and it holds only while
 * its holder is active in the staff directory with the role and area the session was
 * opened with. Pure: the caller brings the session, the directory entry and `now`.
 */

export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000
/**
 * A session's last-seen time is written at most once a minute, not on every request:
 * the idle timeout may then end a session up to a minute early, never late.
 */
export const SESSION_TOUCH_MS = 60 * 1000

export interface SessionTimes {
  createdAtMs: number
  lastSeenMs: number
}

export interface SessionHolder {
  role: string
  area: string
}

export interface DirectoryEntry extends SessionHolder {
  /** Absent on entries written before staff could be deactivated: active. */
  active?: boolean
}

export type SessionEnd = 'idle' | 'absolute' | 'unknown-user' | 'inactive' | 'role-or-area-changed'

export type SessionVerdict = { holds: true; touch: boolean } | { holds: false; end: SessionEnd }

/** The instant the session ends if no request comes (for its TTL and cookie). */
export const sessionEndsAt = (session: SessionTimes): number =>
  Math.min(session.lastSeenMs + SESSION_IDLE_MS, session.createdAtMs + SESSION_ABSOLUTE_MS)

export const judgeSession = (
  session: SessionTimes & SessionHolder,
  directory: DirectoryEntry | undefined,
  nowMs: number,
): SessionVerdict => {
  if (nowMs >= session.createdAtMs + SESSION_ABSOLUTE_MS) return { holds: false, end: 'absolute' }
  if (nowMs >= session.lastSeenMs + SESSION_IDLE_MS) return { holds: false, end: 'idle' }
  if (!directory) return { holds: false, end: 'unknown-user' }
  if (directory.active === false) return { holds: false, end: 'inactive' }
  if (directory.role !== session.role || directory.area !== session.area)
    return { holds: false, end: 'role-or-area-changed' }
  return { holds: true, touch: nowMs - session.lastSeenMs >= SESSION_TOUCH_MS }
}

/** Ends that are about the person, not the session: all their sessions go, not just this one. */
export const endsEverySessionOfHolder = (end: SessionEnd): boolean =>
  end === 'unknown-user' || end === 'inactive' || end === 'role-or-area-changed'
