/**
 * The case starter (ADR 0050), with Step Functions mocked: which stream records it starts a
 * workflow for, under which name, input and correlation id, and what it answers the stream
 * when a start fails (the failed record and every one after it, so they are retried in order).
 */
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn'
import type { DynamoDBRecord } from 'aws-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetClients } from '../../../functions/shared/clients'
import { caseStarterStream, handler, newCaseOf } from '../../../functions/triggers/case-starter'

const sfn = mockClient(SFNClient)
// The worker's later files use the real clients (unit files share modules, vitest.config.ts).
afterAll(() => sfn.restore())

type Image = Record<string, { S: string }>

const caseImage = (caseId: string, extra: Image = {}): Image => ({
  pk: { S: `CASE#${caseId}` },
  sk: { S: 'CASE' },
  caseId: { S: caseId },
  status: { S: 'IDENTIFICATION' },
  intakeCorrelationId: { S: `corr-${caseId}` },
  ...extra,
})

const record = (
  image: Image,
  sequence: string,
  eventName: DynamoDBRecord['eventName'] = 'INSERT',
): DynamoDBRecord => ({
  eventID: `event-${sequence}`,
  eventName,
  dynamodb: { SequenceNumber: sequence, NewImage: image },
})

const unavailable = () => Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable' })

const starts = () => sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input)

describe('the case starter', () => {
  beforeEach(() => {
    vi.stubEnv('CASE_STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-3:1:stateMachine:case')
    vi.stubEnv('BANSOS_STATE_MACHINE_ARN', 'arn:aws:states:ap-southeast-3:1:stateMachine:bansos')
    resetClients()
    sfn.reset()
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('takes only the INSERT of a case item in its first status, as the mapping’s filter does', () => {
    const filed = record(caseImage('01A'), '1')
    expect(newCaseOf(filed)).toEqual({ caseId: '01A', correlationId: 'corr-01A' })
    expect(newCaseOf(record(caseImage('01A'), '2', 'MODIFY'))).toBeUndefined()
    expect(newCaseOf(record(caseImage('01A', { status: { S: 'ASSESSMENT' } }), '3'))).toBeUndefined()
    // The case's step markers share its partition; only the case item itself starts it.
    expect(newCaseOf(record(caseImage('01A', { sk: { S: 'STEP#identify' } }), '4'))).toBeUndefined()
    expect(newCaseOf(record({ ...caseImage('01A'), pk: { S: 'MAIL#01A' } }, '5'))).toBeUndefined()
    expect(caseStarterStream.filter.dynamodb.NewImage).toEqual({
      pk: { S: [{ prefix: 'CASE#' }] },
      sk: { S: ['CASE'] },
      status: { S: ['IDENTIFICATION'] },
    })
  })

  it('starts each new case’s workflow named by its caseId, a bansos case its own, under the intake’s correlation id', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' })
    const answer = await handler({
      Records: [
        record(caseImage('01A'), '1'),
        record({ pk: { S: 'MAIL#m' }, sk: { S: 'MAIL' }, status: { S: 'PENDING' } }, '2'),
        record(caseImage('01B', { kind: { S: 'PENGADUAN' } }), '3'),
      ],
    })
    expect(answer.batchItemFailures).toEqual([])
    expect(starts()).toEqual([
      {
        stateMachineArn: 'arn:aws:states:ap-southeast-3:1:stateMachine:case',
        name: '01A',
        input: JSON.stringify({ caseId: '01A', correlationId: 'corr-01A' }),
      },
      {
        stateMachineArn: 'arn:aws:states:ap-southeast-3:1:stateMachine:bansos',
        name: '01B',
        input: JSON.stringify({ caseId: '01B', correlationId: 'corr-01B' }),
      },
    ])
  })

  it('counts a record delivered again (the execution exists) as started', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('exists'), { name: 'ExecutionAlreadyExists' }))
    const answer = await handler({ Records: [record(caseImage('01A'), '1')] })
    expect(answer.batchItemFailures).toEqual([])
  })

  it('reports a start that failed with every record after it, and none before it', async () => {
    sfn.on(StartExecutionCommand).resolvesOnce({ executionArn: 'arn' }).rejects(unavailable())
    const answer = await handler({
      Records: [record(caseImage('01A'), '1'), record(caseImage('01B'), '2'), record(caseImage('01C'), '3')],
    })
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }, { itemIdentifier: '3' }])
    // The batch stops at the failure: the stream hands 01C over again after 01B.
    expect(starts().map((input) => input.name)).toEqual(['01A', '01B'])
  })

  it('moves on past a start refused for good (a missing grant): it would hold the shard for nothing', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' })
    sfn.on(StartExecutionCommand).rejectsOnce(denied).resolves({ executionArn: 'arn' })
    const answer = await handler({ Records: [record(caseImage('01A'), '1'), record(caseImage('01B'), '2')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(starts().map((input) => input.name)).toEqual(['01A', '01B'])
  })

  it('names its own correlation id for a case item that carries none', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' })
    const { intakeCorrelationId: _none, ...image } = caseImage('01A')
    await handler({ Records: [record(image, '7')] })
    expect(JSON.parse(starts()[0]?.input ?? '{}')).toEqual({
      caseId: '01A',
      correlationId: 'case-starter:event-7',
    })
  })
})
