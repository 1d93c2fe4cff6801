/**
 * Commits one change of a directory entry, whoever asked for it (an admin's PATCH, an
 * import row, the daily job ending a term): the entry and its audit entry in one
 * transaction, then the identity provider, then — when the change ends the person's
 * authority — their sessions and their open tasks.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { staffView, type StaffRecord } from '../../core/staff/staff-member'
import { endsAuthority, type StaffChange } from '../../core/staff/staff-rules'
import { auditEntityId } from '../../data/keys'
import { StaffConflictError, updateStaffRecord } from '../../data/user-repository'
import { handOverOpenTasks } from './hand-over-tasks'
import { revokeSessionsOf } from '../../data/session-repository'
import { changedMeanwhile, emailTaken } from './staff-errors'
import { staffIdentity } from './staff-identity'

export type StaffAuditAction = 'STAFF_CREATED' | 'STAFF_UPDATED' | 'STAFF_DEACTIVATED' | 'STAFF_REACTIVATED'

export const auditActionOf = (change: StaffChange): StaffAuditAction =>
  change.deactivated ? 'STAFF_DEACTIVATED' : change.reactivated ? 'STAFF_REACTIVATED' : 'STAFF_UPDATED'

/** The audit entry of a staff change: on the person's chain, in the area they served (so its admin and auditors see it). */
export const staffAudit = (
  action: StaffAuditAction,
  before: StaffRecord | undefined,
  after: StaffRecord,
  actor: AuditActor,
  correlationId: string,
) => ({
  entityId: auditEntityId.user(after.staffId),
  area: before?.area ?? after.area,
  actor,
  action,
  before: before ? staffView(before) : null,
  after: staffView(after),
  correlationId,
})

export const applyStaffChange = async (
  current: StaffRecord,
  change: StaffChange,
  actor: AuditActor,
  correlationId: string,
): Promise<StaffRecord> => {
  const { next } = change
  try {
    await updateStaffRecord(
      current,
      next,
      staffAudit(auditActionOf(change), current, next, actor, correlationId),
    )
  } catch (error) {
    if (error instanceof StaffConflictError)
      throw error.conflict === 'email' ? emailTaken(next.email) : changedMeanwhile()
    throw error
  }
  const identity = staffIdentity()
  const { username, name, email, role, area } = next
  if (name !== current.name || email !== current.email || change.roleChanged || change.areaChanged)
    await identity.update(username, { name, email, role, area })
  if (change.deactivated) await identity.disable(username)
  if (change.reactivated) await identity.enable(username)
  if (endsAuthority(change)) {
    await identity.signOut(username)
    await revokeSessionsOf(next.staffId)
    await handOverOpenTasks(next.staffId, actor, correlationId)
  }
  return next
}
