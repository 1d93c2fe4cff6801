/**
 * Residents' SMS on the mailer's path (ADR 0028), with the AWS SDK mocked: a state change
 * only puts its SMS in the outbox (so neither SES nor End User Messaging can hold it up),
 * and the mailer sends, retries or gives up on an SMS as it does a mail.
 */
import {
  PinpointSMSVoiceV2Client,
  PinpointSMSVoiceV2ServiceException,
  SendTextMessageCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2'
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2'
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import { changeCase } from '../../../functions/data/case-change'
import { resetClients } from '../../../functions/shared/clients'
import { handler } from '../../../functions/triggers/mailer'
import { captureOutput, type OutputCapture } from '../../support/output-lines'

const IDENTITY = 'arn:aws:sms-voice:ap-southeast-3:123456789012:phone-number/phone-1'
const dynamo = mockClient(DynamoDBDocumentClient)
const ses = mockClient(SESv2Client)
const sms = mockClient(PinpointSMSVoiceV2Client)
// The worker's later files use the real clients (unit files share modules, vitest.config.ts).
afterAll(() => {
  dynamo.restore()
  ses.restore()
  sms.restore()
})
// The embedded-metric lines the mailer writes for CloudWatch.
let stdout: OutputCapture

/** Queued just now, unless a test says when: within the retry span (ADR 0020). */
let queuedAt = new Date().toISOString()

const smsItem = (mailId: string) => ({
  pk: `MAIL#${mailId}`,
  sk: 'MAIL',
  mailId,
  channel: 'sms',
  status: 'PENDING',
  to: '+6281234567890',
  subject: 'SMS 320114-2026-000001: received',
  text: 'Dinsos: permohonan 320114-2026-000001 diterima. Kode akses K7QP2M, jangan beri ke siapa pun. Layanan ini gratis.',
  html: '',
  area: '32.01.14',
  createdAt: queuedAt,
})

const mailItem = (mailId: string) => ({
  ...smsItem(mailId),
  channel: undefined,
  to: `${mailId}@dinsos.bogorkab.local`,
  subject: `[320114-2026-000001] Tugas ${mailId}`,
  text: 'Yth. Bapak,',
  html: '<p>Yth. Bapak,</p>',
})

const streamRecord = (mailId: string, sequence: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: sequence,
    NewImage: { pk: { S: `MAIL#${mailId}` }, sk: { S: 'MAIL' }, status: { S: 'PENDING' } },
  },
})

const smsError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(
    new PinpointSMSVoiceV2ServiceException({ name, $fault: 'client', $metadata: {}, message: name }),
    extra,
  )

const updatesOf = (mailId: string) =>
  dynamo
    .commandCalls(UpdateCommand)
    .map((call) => call.args[0].input)
    .filter((input) => input.Key?.pk === `MAIL#${mailId}`)

/** The metrics the embedded-metric lines count (each line's own metric names). */
const metricNames = () =>
  stdout
    .metricLines()
    .flatMap((line) => Object.keys(line).filter((key) => key !== '_aws' && key !== 'service'))

beforeEach(() => {
  vi.stubEnv('STAGE', 'aws')
  vi.stubEnv('MAIN_TABLE_NAME', 'main')
  vi.stubEnv('AUDIT_TABLE_NAME', 'audit')
  vi.stubEnv('PUBLIC_BASE_URL', 'https://tksk.example')
  vi.stubEnv('SMS_ORIGINATION_IDENTITY', IDENTITY)
  resetClients()
  stdout = captureOutput()
  queuedAt = new Date().toISOString()
  dynamo.reset()
  ses.reset()
  sms.reset()
  dynamo.on(UpdateCommand).resolves({})
  dynamo.on(TransactWriteCommand).resolves({})
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('a case change and its SMS', () => {
  const record: CaseRecord = {
    caseId: '01JCASE',
    reference: '320114-2026-000001',
    status: 'ASSESSMENT',
    kecamatan: '32.01.14',
    kabupaten: '32.01',
    applicant: {
      nik: '3201144507800001',
      kk: '3201140101100001',
      name: 'Siti Aminah',
      birthDate: '1980-07-05',
      phone: '081234567890',
      address: 'Kp. Cibeber RT 01/02',
      villageCode: '32.01.14.2001',
    },
    nikRef: 'ref',
    nikRegisteredElsewhere: false,
    category: 'FAKIR_MISKIN',
    sensitive: false,
    service: 'JAMKESDA',
    consentVersion: 'v1',
    accessCode: 'K7QP2M',
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    history: [
      { status: 'IDENTIFICATION', at: '2026-12-01T00:00:00.000Z' },
      { status: 'ASSESSMENT', at: '2026-12-01T00:01:00.000Z' },
    ],
  }

  it('puts the SMS in the change’s own transaction and calls neither SES nor End User Messaging, which may both be down', async () => {
    ses.on(SendEmailCommand).rejects(new Error('SES is down'))
    sms.on(SendTextMessageCommand).rejects(smsError('InternalServerException'))
    dynamo
      .on(GetCommand)
      .callsFake((input: { Key: { pk: string } }) =>
        input.Key.pk.startsWith('CASE#') ? { Item: { ...record, status: 'RECOMMENDATION' } } : {},
      )
    dynamo.on(QueryCommand).resolves({ Items: [] })

    const result = await changeCase(
      record,
      {
        from: ['ASSESSMENT'],
        stepKey: 'recommend',
        status: 'RECOMMENDATION',
        audit: { action: 'CASE_RECOMMENDED', actor: { id: 'tksk-flow', role: 'system' }, correlationId: 'c' },
      },
      '2026-12-02T00:00:00.000Z',
    )

    expect(result.applied).toBe(true)
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0)
    expect(sms.commandCalls(SendTextMessageCommand)).toHaveLength(0)
    const [write] = dynamo.commandCalls(TransactWriteCommand)
    const puts = (write?.args[0].input.TransactItems ?? []).flatMap((item) => (item.Put ? [item.Put] : []))
    const smsPut = puts.find((put) => put.Item?.channel === 'sms')
    expect(smsPut).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { status: 'PENDING', to: '+6281234567890' },
    })
    expect(String(smsPut?.Item?.text)).toContain('Rekomendasi')
  })
})

describe('the mailer with SMS', () => {
  beforeEach(() => {
    dynamo.on(GetCommand).callsFake((input: { Key: { pk: string } }) => {
      const id = input.Key.pk.slice('MAIL#'.length)
      return { Item: id.startsWith('sms') ? smsItem(id) : mailItem(id) }
    })
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' })
  })

  it('sends an SMS from the configured identity to the E.164 number, tagged with its outbox id, and records the MessageId', async () => {
    sms.on(SendTextMessageCommand).resolves({ MessageId: 'sms-msg-1' })
    const answer = await handler({ Records: [streamRecord('sms-a', '1')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(sms.commandCalls(SendTextMessageCommand)[0]?.args[0].input).toMatchObject({
      DestinationPhoneNumber: '+6281234567890',
      OriginationIdentity: IDENTITY,
      MessageType: 'TRANSACTIONAL',
      Context: { mailId: 'sms-a' },
    })
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0)
    expect(updatesOf('sms-a')[0]?.ExpressionAttributeValues).toMatchObject({
      ':sent': 'SENT',
      ':id': 'sms-msg-1',
    })
    expect(metricNames()).toContain('SmsSent')
  })

  it('an SMS refused for good is marked FAILED and the mails after it still go', async () => {
    sms.on(SendTextMessageCommand).rejects(smsError('ValidationException'))
    const answer = await handler({ Records: [streamRecord('sms-b', '1'), streamRecord('mail-c', '2')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('sms-b')[0]?.ExpressionAttributeValues).toMatchObject({
      ':failed': 'FAILED',
      ':failure': { code: 'ValidationException' },
    })
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1)
    expect(metricNames()).toContain('MailsFailed')
  })

  it('a number that replied STOP is recorded as opted out, without an alarm', async () => {
    sms
      .on(SendTextMessageCommand)
      .rejects(smsError('ConflictException', { Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT' }))
    const answer = await handler({ Records: [streamRecord('sms-d', '1')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('sms-d')[0]?.ExpressionAttributeValues).toMatchObject({
      ':failure': { code: 'DESTINATION_PHONE_NUMBER_OPTED_OUT' },
    })
    expect(metricNames()).not.toContain('MailsFailed')
  })

  it('a throttled SMS is handed back to the stream from its record on, as a throttled mail is', async () => {
    sms.on(SendTextMessageCommand).rejects(smsError('ThrottlingException'))
    const answer = await handler({ Records: [streamRecord('mail-e', '1'), streamRecord('sms-f', '2')] })
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '2' }])
    expect(updatesOf('sms-f')).toEqual([])
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1)
  })

  it('an SMS throttled through the whole retry span is given up as FAILED for Dinsos, as a mail is', async () => {
    queuedAt = new Date(Date.now() - 6 * 60 * 60 * 1000).toISOString()
    sms.on(SendTextMessageCommand).rejects(smsError('ThrottlingException'))
    const answer = await handler({ Records: [streamRecord('sms-g', '1')] })
    expect(answer.batchItemFailures).toEqual([])
    expect(updatesOf('sms-g')[0]?.ExpressionAttributeValues).toMatchObject({
      ':failed': 'FAILED',
      ':failure': { code: 'RetriesExhausted' },
    })
  })
})
