/**
 * An admin invites a staff member (issue 13): the area must fit the role and lie in the
 * admin's scope, the username and email must be free; the identity is created (Cognito
 * sends the invitation on AWS), then the directory entry with its STAFF_CREATED entry.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import { IdentityTakenError } from '../../core/staff/staff-identity-port'
import type { StaffRecord } from '../../core/staff/staff-member'
import type { StaffCreateInput } from '../../core/staff/staff-schemas'
import { can } from '../../core/authorization/can'
import { areaProblems, endedTermProblems, termProblems } from '../../core/staff/staff-rules'
import { loadAreaIndex } from '../../data/area-source'
import { createStaffRecord, holderOf, StaffConflictError } from '../../data/user-repository'
import type { User } from '../../core/identity/user'
import { ForbiddenError, ValidationError } from '../../shared/errors'
import { staffAudit } from './apply-staff-change'
import { localToday } from './local-today'
import { emailTaken, usernameTaken } from './staff-errors'
import { staffIdentity } from './staff-identity'

export const areaKnown = (code: string): boolean => loadAreaIndex().get(code) !== undefined

export const actorOf = (user: Pick<User, 'id' | 'role'>): AuditActor => ({ id: user.id, role: user.role })

/**
 * Field problems of an entry that need no storage: the area for the role, the term, and the
 * term not over for the entry as it will be (`active` kept from the stored entry on an import
 * update: an import never changes it, so a TKSK the term-end job ended stays inactive).
 */
export const staffEntryProblems = (input: StaffCreateInput, next: Pick<StaffRecord, 'active' | 'term'>) => [
  ...areaProblems(input.role, input.area, areaKnown),
  ...termProblems(input.role, input.term),
  ...endedTermProblems(next, localToday(input.area)),
]

/** A new entry is active from its creation. */
export const newStaffProblems = (input: StaffCreateInput) =>
  staffEntryProblems(input, { active: true, term: input.term })

export const createStaff = async (
  admin: User,
  input: StaffCreateInput,
  correlationId: string,
  actor: AuditActor = actorOf(admin),
): Promise<StaffRecord> => {
  if (!can(admin, 'staff:manage', { area: input.area }))
    throw new ForbiddenError('Wilayah petugas di luar cakupan Anda sebagai administrator.')
  const problems = newStaffProblems(input)
  if (problems.length > 0) throw new ValidationError(problems)
  if (await holderOf({ username: input.username })) throw usernameTaken(input.username)
  if (await holderOf({ email: input.email })) throw emailTaken(input.email)
  const identity = staffIdentity()
  const { username, name, email, role, area } = input
  let staffId: string
  try {
    staffId = await identity.invite({ username, name, email, role, area })
  } catch (error) {
    if (error instanceof IdentityTakenError) throw usernameTaken(username)
    throw error
  }
  const record: StaffRecord = {
    staffId,
    username,
    name,
    email,
    role,
    area,
    active: true,
    ...(input.term ? { term: input.term } : {}),
    version: 0,
  }
  try {
    await createStaffRecord(record, staffAudit('STAFF_CREATED', undefined, record, actor, correlationId))
  } catch (error) {
    // The identity exists without a directory entry: undo it, so a retry can succeed.
    await identity.remove(username)
    if (error instanceof StaffConflictError)
      throw error.conflict === 'email' ? emailTaken(email) : usernameTaken(username)
    throw error
  }
  return record
}
