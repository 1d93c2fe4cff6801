/**
 * The Cognito triggers log with the Lambda context (issue 17, ADR 0024), as the HTTP
 * handlers do: a failing pre-token trigger blocks every sign-in, and its log line must
 * say which invocation failed, without the user's attributes.
 */
import type { Context, PreTokenGenerationTriggerEvent } from 'aws-lambda'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { captureOutput } from '../../support/output-lines'

const putStaffMemberIfMissing = vi.fn(async () => {
  throw new Error('ProvisionedThroughputExceededException')
})
vi.mock('../../../functions/data/user-repository', () => ({ putStaffMemberIfMissing }))
// This worker's other files share modules (vitest.config.ts): load the module under test
// afresh against these mocks, and give the real ones back to the files after this one.
vi.resetModules()
const { handler } = await import('../../../functions/triggers/cognito-staff-sync')
afterAll(() => {
  vi.doUnmock('../../../functions/data/user-repository')
  vi.resetModules()
})

const context = {
  functionName: 'TkskData-StaffSync',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:TkskData-StaffSync',
  memoryLimitInMB: '256',
  awsRequestId: 'req-7f1c',
  getRemainingTimeInMillis: () => 5000,
} as unknown as Context

const event = {
  userName: 'tksk.leuwiliang',
  userPoolId: 'ap-southeast-3_Pool',
  triggerSource: 'TokenGeneration_Authentication',
  request: {
    userAttributes: {
      sub: '7f1c0000-0000-4000-8000-000000000001',
      email: 'tksk.leuwiliang@dinsos.bogorkab.local',
      'custom:role': 'tksk',
      'custom:area': '32.01.14',
      name: 'TKSK Leuwiliang',
    },
  },
  response: {},
} as unknown as PreTokenGenerationTriggerEvent

describe('a Cognito trigger’s log lines', () => {
  it('a failing pre-token trigger logs its failure with the request id, cold start and trigger source, never the user’s email', async () => {
    const output = captureOutput()
    try {
      await expect(handler(event, context)).rejects.toThrow('ProvisionedThroughputExceededException')
      const [line] = output.lines().filter((l) => l.message === 'trigger failed')
      expect(line).toMatchObject({
        level: 'ERROR',
        function_request_id: 'req-7f1c',
        function_name: 'TkskData-StaffSync',
        trigger: 'TokenGeneration_Authentication',
        userPoolId: 'ap-southeast-3_Pool',
      })
      expect(line).toHaveProperty('cold_start')
      expect(JSON.stringify(output.lines())).not.toContain('tksk.leuwiliang@')
    } finally {
      output.restore()
    }
  })
})
