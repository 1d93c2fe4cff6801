/**
 * The local stand-in for Cognito: HS256 tokens with the claims of DESIGN §5, signed with
 * the per-DATA_DIR secret, timed on the project clock so that moving the clock 8 hours
 * expires them like real ones.
 */
import { jwtVerify, SignJWT } from 'jose'
import { nowMs } from '../clock'
import { env } from '../env'
import { localClaimNames, userFromClaims } from './claims'
import type { User } from '../../core/identity/user'

export const LOCAL_ISSUER = 'tksk-flow-local'
export const LOCAL_AUDIENCE = 'tksk-flow'
export const SESSION_TTL_SECONDS = 8 * 60 * 60

const secretKey = (): Uint8Array => new TextEncoder().encode(env.localJwtSecret())

export const issueLocalToken = async (user: User): Promise<string> => {
  const issuedAt = Math.floor(nowMs() / 1000)
  return new SignJWT({ username: user.username, role: user.role, area: user.area, email: user.email })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + SESSION_TTL_SECONDS)
    .sign(secretKey())
}

export const verifyLocalToken = async (token: string): Promise<User> => {
  const { payload } = await jwtVerify(token, secretKey(), {
    algorithms: ['HS256'],
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    currentDate: new Date(nowMs()),
  })
  return userFromClaims(payload, localClaimNames)
}
