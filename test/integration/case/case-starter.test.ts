/**
 * A new case's workflow starts from its item's stream record (ADR 0050): the intake answers
 * 201 without calling Step Functions, and the case starter, fed by the local event source
 * mapping, starts the execution named by the caseId under the intake's correlation id. A
 * record delivered again starts nothing more; a case filed before the dev clock moves is
 * started before it moves.
 */
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
} from '@aws-sdk/client-sfn'
import type { DynamoDBStreamEvent } from 'aws-lambda'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nowMs } from '../../../functions/shared/clock'
import { handler as caseStarterHandler } from '../../../functions/triggers/case-starter'
import { runAsFunction } from '../../../infra/local/iam/function-context'
import { CASE_STARTER } from '../../../infra/stacks/function-access'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody, nikOf } from './case-driver'
import { localSfnClient } from '../../support/local-sfn'

let platform: TestPlatform
let sfn: SFNClient
const driver = createDriver(() => platform.url)

/** The case starter's deliveries wait here until a test lets them through. */
let release: () => void = () => undefined
let held: Promise<void> = Promise.resolve()
const delivered: DynamoDBStreamEvent[] = []

beforeAll(async () => {
  platform = await startTestPlatform({
    caseStarter: {
      handler: async (event) => {
        await held
        delivered.push(event)
        return caseStarterHandler(event)
      },
    },
  })
  sfn = localSfnClient(platform.url)
})
afterAll(async () => {
  release()
  sfn?.destroy()
  await platform?.dispose()
})

const executionArnOf = (caseId: string): string =>
  `${(process.env.CASE_STATE_MACHINE_ARN ?? '').replace(':stateMachine:', ':execution:')}:${caseId}`

const historyOf = async (caseId: string): Promise<HistoryEvent[]> =>
  (await sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArnOf(caseId), maxResults: 1000 })))
    .events ?? []

const deliveriesOf = (caseId: string): DynamoDBStreamEvent[] =>
  delivered.filter((event) => event.Records.some((r) => r.dynamodb?.NewImage?.caseId?.S === caseId))

describe('the case starter', () => {
  it('starts a filed case’s workflow from its stream record, after the intake answered without it', async () => {
    held = new Promise((resolve) => (release = resolve))
    const response = await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(5001) }))
    expect(response.status).toBe(201)
    const { caseId, reference } = (await response.json()) as { caseId: string; reference: string }
    const correlationId = response.headers.get('x-correlation-id')
    // Answered while no start could be made: the intake did not call Step Functions.
    await expect(
      sfn.send(new DescribeExecutionCommand({ executionArn: executionArnOf(caseId) })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' })
    release()
    // The workflow runs from the stream record: the TKSK's assessment task appears.
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArnOf(caseId) }))
    expect(JSON.parse(execution.input ?? '{}')).toEqual({ caseId, correlationId })
    expect(deliveriesOf(caseId)).toHaveLength(1)
  })

  it('starts the workflow under the intake’s correlation id when a read finds the case unstarted first', async () => {
    held = new Promise((resolve) => (release = resolve))
    const response = await driver.postJson('/api/cases', intakeBody({}, { nik: nikOf(5003) }))
    expect(response.status).toBe(201)
    const { caseId, reference } = (await response.json()) as { caseId: string; reference: string }
    const correlationId = response.headers.get('x-correlation-id')
    // The starter is held: the status read (a request of its own id) starts the execution.
    expect((await driver.status(reference)).response.status).toBe(200)
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArnOf(caseId) }))
    expect(JSON.parse(execution.input ?? '{}')).toEqual({ caseId, correlationId })
    release()
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
  })

  it('starts one execution when the same record is delivered again', async () => {
    const { caseId, reference } = await driver.submitCase(intakeBody({}, { nik: nikOf(5002) }))
    await driver.mail(EMAILS.tksk, reference, 'Asesmen')
    const [first] = deliveriesOf(caseId)
    if (!first) throw new Error('the case starter was not fed the case')
    // Lambda's mapping delivers at least once: the same batch again, as the case starter.
    const again = await runAsFunction(CASE_STARTER, () => caseStarterHandler(first))
    expect(again.batchItemFailures).toEqual([])
    await platform.stepFunctions.idle()
    const started = (await historyOf(caseId)).filter((event) => event.type === 'ExecutionStarted')
    expect(started).toHaveLength(1)
    expect(
      (await driver.outbox(EMAILS.tksk)).filter(
        (mail) => mail.subject.includes(reference) && mail.subject.includes('Asesmen'),
      ),
    ).toHaveLength(1)
  })

  it('starts a case filed before the dev clock moves at the time it was filed', async () => {
    held = new Promise((resolve) => (release = resolve))
    const { caseId } = await driver.submitCase(intakeBody({}, { nik: nikOf(5003) }))
    const filedAt = nowMs()
    const advancing = driver.advance(24 * 60 * 60)
    // The move waits for the held start (the platform drains the case starter first).
    await new Promise((resolve) => setTimeout(resolve, 300))
    release()
    await advancing
    const { startDate } = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArnOf(caseId) }),
    )
    expect(startDate?.getTime()).toBeLessThan(filedAt + 60 * 60 * 1000)
  })
})
