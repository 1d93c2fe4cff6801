/**
 * Cognito ID tokens as the sign-in verifies them (AUTH_MODE=cognito, the hosted UI
 * callback; ADR 0011): the real aws-jwt-verify verifier, its JWKS primed with a key of
 * this test instead of fetched. After sign-in requests carry only the opaque session.
 */
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { cognitoVerifier, verifyCognitoToken } from '../../../../functions/shared/auth/cognito-verifier'
import { isRefusedIdentity } from '../../../../functions/shared/auth/hosted-ui'

const POOL = 'ap-southeast-3_TeSt1234'
const CLIENT = 'staff-client-id'
const ISSUER = `https://cognito-idp.ap-southeast-3.amazonaws.com/${POOL}`
const KID = 'test-key'

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey']
let key: Key
let otherKey: Key

const claims = {
  'cognito:username': 'tksk.leuwiliang',
  'custom:role': 'tksk',
  'custom:area': '32.01.14',
  email: 'tksk.leuwiliang@dinsos.bogorkab.local',
  token_use: 'id',
}

const idToken = (
  overrides: Record<string, unknown> = {},
  options: { signWith?: Key; audience?: string; issuer?: string; expiresIn?: string | number } = {},
) =>
  new SignJWT({ ...claims, ...overrides })
    .setProtectedHeader({ alg: 'RS256', kid: KID })
    .setSubject('11111111-2222-3333-4444-555555555555')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? CLIENT)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(options.signWith ?? key)

/** What the callback does with a token: the user, or a refusal it answers with its 401 page. */
const signIn = (token: string) =>
  verifyCognitoToken(token).catch((error: unknown) => {
    if (isRefusedIdentity(error)) return 'refused (401)'
    throw error
  })

beforeAll(async () => {
  Object.assign(process.env, { AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: POOL, COGNITO_CLIENT_ID: CLIENT })
  const pair = await generateKeyPair('RS256')
  key = pair.privateKey
  ;({ privateKey: otherKey } = await generateKeyPair('RS256'))
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }
  cognitoVerifier().cacheJwks({ keys: [jwk as never] })
})

describe('Cognito ID tokens', () => {
  it('a valid ID token of the staff client maps to the one User shape', async () => {
    await expect(signIn(await idToken())).resolves.toEqual({
      id: '11111111-2222-3333-4444-555555555555',
      username: 'tksk.leuwiliang',
      role: 'tksk',
      area: '32.01.14',
      email: 'tksk.leuwiliang@dinsos.bogorkab.local',
    })
  })

  it.each([
    ['expired', () => idToken({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['signed with another key', () => idToken({}, { signWith: otherKey })],
    ['for another client (audience)', () => idToken({}, { audience: 'another-client' })],
    ['an access token, not an ID token', () => idToken({ token_use: 'access' })],
    ['from another user pool (issuer)', () => idToken({}, { issuer: `${ISSUER}x` })],
    [
      'tampered (role raised, signature kept)',
      async () => {
        const [header, payload, signature] = (await idToken()).split('.')
        const raised = {
          ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
          'custom:role': 'admin',
        }
        return `${header}.${Buffer.from(JSON.stringify(raised)).toString('base64url')}.${signature}`
      },
    ],
    [
      'alg:none',
      () =>
        Promise.resolve(new UnsecuredJWT({ ...claims, sub: 'x', aud: CLIENT }).setIssuer(ISSUER).encode()),
    ],
    ['without the custom role attribute', () => idToken({ 'custom:role': undefined })],
  ])('%s → 401', async (_name, make) => {
    await expect(signIn(await make())).resolves.toBe('refused (401)')
  })
})
