/**
 * The sign-in side of a directory entry, as the admin use cases drive it: Cognito on
 * AWS (AdminCreateUser with the custom attributes, AdminUpdateUserAttributes,
 * AdminDisableUser/AdminEnableUser, AdminUserGlobalSignOut), nothing but the directory
 * locally, where dev login reads the directory itself.
 */
import type { StaffRole } from './staff-member'

export interface StaffIdentityAttributes {
  username: string
  name: string
  email: string
  role: StaffRole
  area: string
}

export interface StaffIdentityPort {
  /** Creates the identity and invites the person; answers the staff id (Cognito `sub`; the username locally). */
  invite(attributes: StaffIdentityAttributes): Promise<string>
  /** Undoes an `invite` whose directory entry could not be written. */
  remove(username: string): Promise<void>
  update(username: string, attributes: Omit<StaffIdentityAttributes, 'username'>): Promise<void>
  disable(username: string): Promise<void>
  enable(username: string): Promise<void>
  /** Ends every token the identity provider issued (refresh tokens included). */
  signOut(username: string): Promise<void>
}

/** An identity that already exists with this username. */
export class IdentityTakenError extends Error {
  constructor(readonly username: string) {
    super(`an identity named ${username} exists`)
    this.name = 'IdentityTakenError'
  }
}
