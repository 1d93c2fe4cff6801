/**
 * The name a staff member is known by (the directory's display name), for records that
 * keep who filed or did something: the token carries only the login name. A member
 * missing from the directory (never synced) keeps the login name.
 */
import type { User } from '../../core/identity/user'
import { getStaffMember } from '../../data/user-repository'

export const staffDisplayName = async (user: Pick<User, 'id' | 'username'>): Promise<string> =>
  (await getStaffMember(user.id))?.displayName ?? user.username
