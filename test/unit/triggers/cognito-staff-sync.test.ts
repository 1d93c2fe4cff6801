import type { PreTokenGenerationTriggerEvent } from 'aws-lambda'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

const putStaffMemberIfMissing = vi.fn(async () => undefined)
vi.mock('../../../functions/data/user-repository', () => ({ putStaffMemberIfMissing }))
// This worker's other files share modules (vitest.config.ts): load the module under test
// afresh against these mocks, and give the real ones back to the files after this one.
vi.resetModules()
const { handler } = await import('../../../functions/triggers/cognito-staff-sync')
afterAll(() => {
  vi.doUnmock('../../../functions/data/user-repository')
  vi.resetModules()
})

const event = (attributes: Record<string, string>) =>
  ({
    userName: 'tksk.leuwiliang',
    triggerSource: 'TokenGeneration_Authentication',
    request: { userAttributes: attributes },
    response: {},
  }) as unknown as PreTokenGenerationTriggerEvent

const attributes = {
  sub: '7f1c0000-0000-4000-8000-000000000001',
  email: 'tksk.leuwiliang@dinsos.bogorkab.local',
  'custom:role': 'tksk',
  'custom:area': '32.01.14',
  name: 'TKSK Leuwiliang',
}

describe('the Cognito staff-directory sync', () => {
  beforeEach(() => putStaffMemberIfMissing.mockClear())

  it('creates the missing directory entry of a user made outside the product (id = the token’s sub) and lets the token through', async () => {
    const input = event(attributes)
    expect(await handler(input)).toBe(input)
    expect(putStaffMemberIfMissing).toHaveBeenCalledWith({
      id: attributes.sub,
      username: 'tksk.leuwiliang',
      role: 'tksk',
      area: '32.01.14',
      email: attributes.email,
      displayName: 'TKSK Leuwiliang',
    })
  })

  it.each([
    ['no role', { 'custom:role': '' }],
    ['an unknown role', { 'custom:role': 'provider' }],
    ['a malformed area', { 'custom:area': '3201' }],
  ])('refuses a token (and writes nothing) for %s', async (_name, change) => {
    await expect(handler(event({ ...attributes, ...change }))).rejects.toThrow()
    expect(putStaffMemberIfMissing).not.toHaveBeenCalled()
  })
})
