import { fileURLToPath } from 'node:url'
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { localSfnClient } from '../../support/local-sfn'

const fixture = (file: string) => fileURLToPath(new URL(file, import.meta.url))

let platform: TestPlatform
let sfn: SFNClient

beforeAll(async () => {
  platform = await startTestPlatform({
    workflows: [
      {
        name: 'waitdemo',
        aslPath: fixture('../stepfunctions/fixtures/wait.asl.json'),
        stepsEntry: fixture('../../infra/fixtures/demo-steps.ts'),
      },
    ],
  })
  sfn = localSfnClient(platform.url)
})
afterAll(async () => {
  sfn?.destroy()
  await platform?.dispose()
})

const status = async (executionArn: string) =>
  (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status

describe('the project clock behind /api/dev/clock/advance', () => {
  it('lets a three-day Wait of a workflow started through /__aws pass only once the clock has moved', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: process.env.WAITDEMO_STATE_MACHINE_ARN, input: '{}' }),
    )
    if (!executionArn) throw new Error('no execution arn')
    const advance = (seconds: number) =>
      fetch(`${platform.url}/api/dev/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seconds }),
      })
    expect((await advance(2 * 86_400)).status).toBe(200)
    expect(await status(executionArn)).toBe('RUNNING')
    expect((await advance(86_400)).status).toBe(200)
    expect(await status(executionArn)).toBe('SUCCEEDED')
  })
})
