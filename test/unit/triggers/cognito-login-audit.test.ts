import type { PostAuthenticationTriggerEvent } from 'aws-lambda'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

const appendAudit = vi.fn(async () => ({}))
vi.mock('../../../functions/data/audit-repository', () => ({ appendAudit }))
// This worker's other files share modules (vitest.config.ts): load the module under test
// afresh against these mocks, and give the real ones back to the files after this one.
vi.resetModules()
const { handler } = await import('../../../functions/triggers/cognito-login-audit')
afterAll(() => {
  vi.doUnmock('../../../functions/data/audit-repository')
  vi.resetModules()
})

const attributes = {
  sub: '7f1c0000-0000-4000-8000-000000000001',
  email: 'auditor.bogor@bogorkab.local',
  'custom:role': 'auditor',
  'custom:area': '32.01',
}

const event = (userAttributes: Record<string, string>) =>
  ({
    userName: 'auditor.bogor',
    userPoolId: 'ap-southeast-3_Pool',
    triggerSource: 'PostAuthentication_Authentication',
    callerContext: { awsSdkVersion: 'x', clientId: 'client-123' },
    request: { userAttributes, newDeviceUsed: false },
    response: {},
  }) as unknown as PostAuthenticationTriggerEvent

describe('the Cognito login audit', () => {
  beforeEach(() => appendAudit.mockClear())

  it('records each sign-in as LOGIN on the user’s own chain, with the method and where it came from', async () => {
    const input = event(attributes)
    expect(await handler(input)).toBe(input)
    expect(appendAudit).toHaveBeenCalledTimes(1)
    expect(appendAudit).toHaveBeenCalledWith({
      entityId: `user:${attributes.sub}`,
      area: '32.01',
      actor: { id: attributes.sub, role: 'auditor' },
      action: 'LOGIN',
      before: null,
      after: {
        method: 'cognito',
        source: { trigger: 'PostAuthentication_Authentication', clientId: 'client-123' },
      },
      correlationId: 'cognito:ap-southeast-3_Pool:auditor.bogor',
    })
  })

  it('fails the sign-in when the entry cannot be written, so no session goes unaudited', async () => {
    appendAudit.mockRejectedValueOnce(new Error('TransactionCanceled'))
    await expect(handler(event(attributes))).rejects.toThrow('TransactionCanceled')
  })

  it('refuses, writing nothing, a user whose attributes make no staff identity', async () => {
    await expect(handler(event({ ...attributes, 'custom:role': 'resident' }))).rejects.toThrow()
    expect(appendAudit).not.toHaveBeenCalled()
  })
})
