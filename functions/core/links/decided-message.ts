/**
 * The answer of a link (or the API) whose task or verval batch is already decided, one
 * wording for both (issue 19): the decider by name, by role where the name was not kept,
 * "petugas lain" where neither was, never a user id; the instant in the area's zone, never
 * UTC ISO.
 */
import { type AuditActorRole } from '../audit/audit-entry'
import { roleName } from '../audit/actor-label'
import { formatLocalTime } from '../calendar/local-time'

/** What a decision kept of its decider. */
export interface DecidedBy {
  name?: string | undefined
  role?: AuditActorRole | undefined
}

export const deciderLabel = (decider: DecidedBy | undefined): string =>
  decider?.name || (decider?.role ? roleName(decider.role) : 'petugas lain')

export const decidedMessage = (
  subject: 'Tugas ini' | 'Verval ini',
  decider: DecidedBy | undefined,
  at: string | undefined,
  area: string,
): string =>
  `${subject} sudah diputuskan oleh ${deciderLabel(decider)} pada ${at ? formatLocalTime(at, area) : '-'}.`
