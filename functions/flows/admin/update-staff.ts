/**
 * An admin changes a staff member (issue 13): name, email, role, area, term, active.
 * Another kabupaten's staff are not found (404); an area outside the admin's scope, or
 * national, is refused (403); the last active admin of a kabupaten stays (409). A
 * deactivation, role or area change holds from that person's next request and hands
 * their open tasks to the Dinsos queue (`applyStaffChange`).
 */
import { kabupatenOf } from '../../core/areas/area-code'
import { can } from '../../core/authorization/can'
import type { StaffRecord } from '../../core/staff/staff-member'
import type { StaffPatchInput } from '../../core/staff/staff-schemas'
import {
  applyStaffPatch,
  areaProblems,
  type FieldProblem,
  endedTermProblems,
  type StaffChange,
  termProblems,
} from '../../core/staff/staff-rules'
import { getStaffMember, holderOf, recordOf, staffInArea } from '../../data/user-repository'
import type { User } from '../../core/identity/user'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors'
import { applyStaffChange } from './apply-staff-change'
import { actorOf, areaKnown } from './create-staff'
import { localToday } from './local-today'
import { emailTaken } from './staff-errors'

/** The entry, if it is in the admin's scope; another kabupaten's staff are not found at all. */
export const staffInScope = async (
  admin: Pick<User, 'role' | 'area'>,
  staffId: string,
  action: 'staff:read' | 'staff:manage' = 'staff:read',
): Promise<StaffRecord> => {
  const member = await getStaffMember(staffId)
  if (!member || !can(admin, action, { area: member.area }))
    throw new NotFoundError('Petugas tidak ditemukan.')
  return recordOf(member)
}

const changeProblems = (change: StaffChange, patch: StaffPatchInput): FieldProblem[] => {
  const { next } = change
  return [
    ...(change.roleChanged || change.areaChanged ? areaProblems(next.role, next.area, areaKnown) : []),
    ...(change.roleChanged || patch.term !== undefined ? termProblems(next.role, next.term) : []),
    ...(change.reactivated || patch.term !== undefined ? endedTermProblems(next, localToday(next.area)) : []),
  ]
}

/** An admin who stops being an active admin of their scope must leave another one there. */
const assertNotLastAdmin = async (current: StaffRecord, change: StaffChange): Promise<void> => {
  if (current.role !== 'admin' || !current.active) return
  if (!change.deactivated && !change.roleChanged && !change.areaChanged) return
  const scope = kabupatenOf(current.area) ?? current.area
  const others = (await staffInArea(scope, 'admin')).filter((member) => member.id !== current.staffId)
  if (others.length === 0)
    throw new ConflictError(
      `${current.username} adalah administrator aktif terakhir wilayah ${scope}: tambahkan administrator lain terlebih dahulu.`,
      [
        {
          path: 'active',
          message: 'Administrator aktif terakhir tidak dapat dinonaktifkan atau dipindahkan.',
        },
      ],
    )
}

export const updateStaff = async (
  admin: User,
  staffId: string,
  patch: StaffPatchInput,
  correlationId: string,
): Promise<StaffRecord> => {
  const current = await staffInScope(admin, staffId, 'staff:manage')
  const change = applyStaffPatch(current, patch)
  if (!can(admin, 'staff:manage', { area: change.next.area }))
    throw new ForbiddenError('Wilayah baru di luar cakupan Anda sebagai administrator.')
  const problems = changeProblems(change, patch)
  if (problems.length > 0) throw new ValidationError(problems)
  await assertNotLastAdmin(current, change)
  if (change.next.email !== current.email) {
    const holder = await holderOf({ email: change.next.email })
    if (holder && holder !== staffId) throw emailTaken(change.next.email)
  }
  return applyStaffChange(current, change, actorOf(admin), correlationId)
}
