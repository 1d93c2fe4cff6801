/**
 * The mailer's failure paths (ADR 0018), with the AWS SDK mocked: what it answers the
 * stream when SES throttles or refuses, and what it records on the outbox item.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2'
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LINK_PLACEHOLDER, MAIL_RETRY_SPAN_MS } from '../../../functions/core/outbox/outbox-mail'
import { resetClients } from '../../../functions/shared/clients'
import { handler } from '../../../functions/triggers/mailer'
import { captureOutput, type OutputCapture } from '../../support/output-lines'

const dynamo = mockClient(DynamoDBDocumentClient)
// The embedded-metric lines the mailer writes for CloudWatch.
let stdout: OutputCapture
const ses = mockClient(SESv2Client)
// The worker's later files use the real clients (unit files share modules, vitest.config.ts).
afterAll(() => {
  dynamo.restore()
  ses.restore()
})

const mailItem = (mailId: string, status = 'PENDING', extra: Record<string, unknown> = {}) => ({
  pk: `MAIL#${mailId}`,
  sk: 'MAIL',
  mailId,
  status,
  to: `${mailId}@dinsos.bogorkab.local`,
  subject: `[320114-2026-000001] Tugas ${mailId}`,
  text: 'Yth. Bapak,',
  html: '<p>Yth. Bapak,</p>',
  area: '32.01.14',
  // Queued just now: well inside its retry span (MAIL_RETRY_SPAN_MS).
  createdAt: new Date().toISOString(),
  ...extra,
})

const streamRecord = (mailId: string, sequence: string, status = 'PENDING'): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: sequence,
    NewImage: { pk: { S: `MAIL#${mailId}` }, sk: { S: 'MAIL' }, status: { S: status } },
  },
})

const throttled = () =>
  Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' })
const rejected = () => Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' })

const updatesOf = (mailId: string) =>
  dynamo
    .commandCalls(UpdateCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Key?.pk === `MAIL#${mailId}`)

describe('the mailer', () => {
  beforeEach(() => {
    vi.stubEnv('STAGE', 'aws')
    vi.stubEnv('MAIN_TABLE_NAME', 'main')
    vi.stubEnv('PUBLIC_BASE_URL', 'https://tksk.example')
    vi.stubEnv('MAIL_CONFIGURATION_SET', 'tksk-mail-events')
    resetClients()
    stdout = captureOutput()
    dynamo.reset()
    ses.reset()
    dynamo.on(GetCommand).callsFake((input: { Key: { pk: string } }) => ({
      Item: mailItem(input.Key.pk.slice('MAIL#'.length)),
    }))
    dynamo.on(UpdateCommand).resolves({})
    dynamo.on(PutCommand).resolves({})
  })
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.restoreAllMocks()
  })

  it('records SES’s MessageId on each mail it sent, only while the mail is still pending', async () => {
    ses.on(SendEmailCommand).resolvesOnce({ MessageId: 'ses-1' }).resolvesOnce({ MessageId: 'ses-2' })
    const answer = await handler({ Records: [streamRecord('a', '1'), streamRecord('b', '2')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('a')[0]).toMatchObject({
      ConditionExpression: '#status = :from',
      ExpressionAttributeValues: { ':from': 'PENDING', ':sent': 'SENT', ':id': 'ses-1' },
    })
    expect(updatesOf('b')[0]?.ExpressionAttributeValues).toMatchObject({ ':id': 'ses-2' })
    const sent = ses.commandCalls(SendEmailCommand)[0]?.args[0].input
    // Every mail names the configuration set and its outbox id, so bounces find it again.
    expect(sent).toMatchObject({
      ConfigurationSetName: 'tksk-mail-events',
      EmailTags: [{ Name: 'mailId', Value: 'a' }],
      Destination: { ToAddresses: ['a@dinsos.bogorkab.local'] },
    })
  })

  it('reports a throttled mail and every record after it, so the stream retries them in order, and marks nothing', async () => {
    ses.on(SendEmailCommand).resolvesOnce({ MessageId: 'ses-1' }).rejects(throttled())
    const answer = await handler({
      Records: [streamRecord('a', '1'), streamRecord('b', '2'), streamRecord('c', '3')],
    })
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }, { itemIdentifier: '3' }])
    expect(updatesOf('a')).toHaveLength(1)
    expect(updatesOf('b')).toEqual([])
    expect(updatesOf('c')).toEqual([])
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(2)
  })

  it('marks a mail SES refuses for good FAILED for the Dinsos list, counts it for the alarm, and goes on', async () => {
    ses.on(SendEmailCommand).rejectsOnce(rejected()).resolves({ MessageId: 'ses-2' })
    const answer = await handler({ Records: [streamRecord('a', '1'), streamRecord('b', '2')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('a')[0]).toMatchObject({
      ConditionExpression: '#status = :from',
      ExpressionAttributeValues: {
        ':from': 'PENDING',
        ':failed': 'FAILED',
        ':failure': { code: 'MessageRejected', message: 'Email address is not verified.' },
        ':g1pk': 'AREA#32.01#MAILFAILED',
      },
    })
    expect(updatesOf('b')[0]?.ExpressionAttributeValues).toMatchObject({ ':sent': 'SENT' })
    expect(stdout.metricLines().filter((m) => m.MailsFailed === 1)).toHaveLength(1)
  })

  it('gives a mail up after five hours of throttling: FAILED for the Dinsos list and counted for the alarm', async () => {
    const queuedAt = new Date(Date.now() - MAIL_RETRY_SPAN_MS - 1000).toISOString()
    dynamo.on(GetCommand).resolves({ Item: mailItem('a', 'PENDING', { createdAt: queuedAt }) })
    ses.on(SendEmailCommand).rejects(throttled())
    const answer = await handler({ Records: [streamRecord('a', '1')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('a')[0]?.ExpressionAttributeValues).toMatchObject({
      ':failed': 'FAILED',
      ':failure': { code: 'RetriesExhausted', message: expect.stringContaining('TooManyRequestsException') },
    })
    expect(stdout.metricLines().filter((m) => m.MailsFailed === 1)).toHaveLength(1)
  })

  it('counts the retry span of a resent mail from its resend, not from when it was first queued', async () => {
    const longAgo = new Date(Date.now() - 2 * MAIL_RETRY_SPAN_MS).toISOString()
    dynamo.on(GetCommand).resolves({
      Item: mailItem('a', 'PENDING', { createdAt: longAgo, requeuedAt: new Date().toISOString() }),
    })
    ses.on(SendEmailCommand).rejects(throttled())
    const answer = await handler({ Records: [streamRecord('a', '1')] })
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '1' }])
    expect(updatesOf('a')).toEqual([])
  })

  it('sends nothing for a mail already sent (a redelivered record) or for other items of the table', async () => {
    dynamo.on(GetCommand).resolves({ Item: mailItem('a', 'SENT') })
    const other: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '2', NewImage: { pk: { S: 'CASE#x' }, status: { S: 'PENDING' } } },
    }
    const answer = await handler({ Records: [streamRecord('a', '1'), other, streamRecord('c', '3', 'SENT')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(ses.commandCalls(SendEmailCommand)).toEqual([])
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(1)
  })

  it('issues the link of a mail when it sends it, so the secret is never stored in the outbox', async () => {
    dynamo.on(GetCommand).resolves({
      Item: mailItem('a', 'PENDING', {
        text: `Buka: ${LINK_PLACEHOLDER}`,
        html: `<a href="${LINK_PLACEHOLDER}">Buka</a>`,
        link: {
          path: '/t',
          taskId: 'T1',
          recipient: { id: 'u', role: 'tksk', name: 'U', email: 'a@x' },
          expiresAtIso: '2027-01-01T00:00:00.000Z',
        },
      }),
    })
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' })
    await handler({ Records: [streamRecord('a', '1')] })
    const linkPut = dynamo.commandCalls(PutCommand)[0]?.args[0].input
    expect(linkPut?.Item).toMatchObject({ taskId: 'T1', secretHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(linkPut?.ConditionExpression).toBe('attribute_not_exists(pk)')
    const body = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Body
    const url = /https:\/\/tksk\.example\/t\/[\w-]+\?k=[\w-]+/.exec(body?.Text?.Data ?? '')?.[0]
    expect(url).toBeDefined()
    expect(body?.Html?.Data).toContain(`href="${url}"`)
    expect(JSON.stringify(linkPut?.Item)).not.toContain(new URL(url ?? 'x:').searchParams.get('k'))
  })
})
