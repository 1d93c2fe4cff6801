/**
 * Which staff identity port the admin use cases drive: Cognito when tokens come from
 * Cognito, else the directory alone (local: dev login and the login page read the
 * directory, and a local staff id is the username, as in the seed).
 */
import type { StaffIdentityPort } from '../../core/staff/staff-identity-port'
import { cognitoStaffIdentity } from '../../data/cognito-staff-identity'
import { env } from '../../shared/env'

const directoryOnly: StaffIdentityPort = {
  invite: async ({ username }) => username,
  remove: async () => undefined,
  update: async () => undefined,
  disable: async () => undefined,
  enable: async () => undefined,
  signOut: async () => undefined,
}

let override: StaffIdentityPort | undefined

export const staffIdentity = (): StaffIdentityPort =>
  override ?? (env.authMode() === 'cognito' ? cognitoStaffIdentity() : directoryOnly)

/** Tests replace the port (e.g. to see what Cognito would have been asked). */
export const useStaffIdentity = (port: StaffIdentityPort | undefined): void => {
  override = port
}
