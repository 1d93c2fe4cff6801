/**
 * Cognito ID tokens as the AWS functions verify them (AUTH_MODE=cognito): the real
 * aws-jwt-verify verifier, its JWKS primed with a key of this test instead of fetched.
 */
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '../../../../functions/shared/auth/authenticate'
import { cognitoVerifier } from '../../../../functions/shared/auth/cognito-verifier'
import { apiEvent } from '../../../support/events'

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

const withBearer = (token: string) =>
  apiEvent({ routeKey: 'GET /api/tasks', headers: { authorization: `Bearer ${token}` } })

beforeAll(async () => {
  Object.assign(process.env, { AUTH_MODE: 'cognito', COGNITO_USER_POOL_ID: POOL, COGNITO_CLIENT_ID: CLIENT })
  const pair = await generateKeyPair('RS256')
  key = pair.privateKey
  ;({ privateKey: otherKey } = await generateKeyPair('RS256'))
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }
  cognitoVerifier().cacheJwks({ keys: [jwk as never] })
})

describe('Cognito ID tokens', () => {
  it('a valid ID token of the staff client maps to the same User shape as a local token', async () => {
    await expect(authenticate(withBearer(await idToken()))).resolves.toEqual({
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
    await expect(authenticate(withBearer(await make()))).rejects.toMatchObject({ status: 401 })
  })
})
