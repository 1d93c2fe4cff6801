import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startWorkflowOnce } from '../../../../functions/flows/workflow/start-once'

const sfnMock = mockClient(SFNClient)
afterAll(() => sfnMock.restore())

const alreadyExists = Object.assign(new Error('Execution Already Exists'), { name: 'ExecutionAlreadyExists' })

/** A case's start (named by its id), with spies for both marks. */
const startCase = async (caseId: string) => {
  const marks = { markExisting: vi.fn(async () => undefined), markStarted: vi.fn(async () => undefined) }
  const started = await startWorkflowOnce({
    workflow: 'case',
    name: caseId,
    input: { caseId },
    correlationId: `request-${caseId}`,
    ...marks,
  })
  return { started, ...marks }
}

describe('the one start policy of the workflows', () => {
  beforeEach(() => {
    sfnMock.reset()
    vi.stubEnv('CASE_STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-3:000000000000:stateMachine:tksk-case')
  })

  it('marks a record whose execution Step Functions says exists already, so its reads stop retrying', async () => {
    sfnMock.on(StartExecutionCommand).rejects(alreadyExists)
    const { started, markExisting } = await startCase('C1')
    expect(started).toBe(true)
    expect(markExisting).toHaveBeenCalledTimes(1)
  })

  it('leaves the mark to the first step when the start is answered (locally it may precede the journal)', async () => {
    sfnMock.on(StartExecutionCommand).resolves({ executionArn: 'arn:x', startDate: new Date() })
    const { started, markExisting } = await startCase('C2')
    expect(started).toBe(true)
    expect(markExisting).not.toHaveBeenCalled()
  })

  it('answers false and marks nothing when Step Functions cannot be reached', async () => {
    sfnMock
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable' }))
    const { started, markExisting, markStarted } = await startCase('C3')
    expect(started).toBe(false)
    expect(markExisting).not.toHaveBeenCalled()
    expect(markStarted).not.toHaveBeenCalled()
  })
})
