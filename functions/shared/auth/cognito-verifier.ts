/** Cognito ID tokens on AWS, verified against the user pool's JWKS (cached per container). */
import { CognitoJwtVerifier } from 'aws-jwt-verify'
import { env } from '../env'
import { cognitoClaimNames, userFromClaims } from './claims'
import type { User } from '../../core/identity/user'

let verifier: ReturnType<typeof createVerifier> | undefined

const createVerifier = () =>
  CognitoJwtVerifier.create({
    userPoolId: env.cognitoUserPoolId(),
    clientId: env.cognitoClientId(),
    tokenUse: 'id',
  })

/** The one verifier of this container (tests prime its JWKS with `cacheJwks`). */
export const cognitoVerifier = () => (verifier ??= createVerifier())

export const verifyCognitoToken = async (token: string): Promise<User> => {
  const payload = await cognitoVerifier().verify(token)
  return userFromClaims(payload as Record<string, unknown> & { sub: string }, cognitoClaimNames)
}
