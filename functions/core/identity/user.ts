/**
 * The one shape of a signed-in staff member, whether the token came from Cognito or the local
 * issuer. Core owns it so the authorization and audit rules need nothing outside core.
 */
export const roles = ['tksk', 'dinsos', 'dinsos_head', 'auditor', 'admin', 'dinsos_provinsi'] as const
export type Role = (typeof roles)[number]

export interface User {
  id: string
  username: string
  role: Role
  /** Kemendagri code prefix of the user's scope, or `*` for national roles. */
  area: string
  email: string
}

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (roles as readonly string[]).includes(value)
