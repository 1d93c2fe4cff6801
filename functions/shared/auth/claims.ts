import type { JWTPayload } from 'jose'
import { UnauthenticatedError } from '../errors'
import { isRole, type User } from '../../core/identity/user'

/** Claim names differ between the local issuer and Cognito ID tokens; both map to one `User`. */
export interface ClaimNames {
  username: string
  role: string
  area: string
}

export const localClaimNames: ClaimNames = { username: 'username', role: 'role', area: 'area' }
export const cognitoClaimNames: ClaimNames = {
  username: 'cognito:username',
  role: 'custom:role',
  area: 'custom:area',
}

const AREA_PATTERN = /^(\*|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/

export const userFromClaims = (claims: JWTPayload, names: ClaimNames): User => {
  const record = claims as Record<string, unknown>
  const username = record[names.username]
  const role = record[names.role]
  const area = record[names.area]
  const email = record.email
  if (
    typeof claims.sub !== 'string' ||
    typeof username !== 'string' ||
    !isRole(role) ||
    typeof area !== 'string' ||
    !AREA_PATTERN.test(area) ||
    typeof email !== 'string'
  ) {
    throw new UnauthenticatedError('Token tidak memuat identitas petugas yang lengkap.')
  }
  return { id: claims.sub, username, role, area, email }
}
