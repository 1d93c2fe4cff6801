/**
 * AWS End User Messaging SMS `SendTextMessage` (JSON 1.0, `X-Amz-Target:
 * PinpointSMSVoiceV2.SendTextMessage`) as the local platform answers it, so the mailer uses
 * `@aws-sdk/client-pinpoint-sms-voice-v2` unchanged (ADR 0028). Each SMS "sent" lands in
 * the SMS outbox, `DATA_DIR/sms-outbox/<id>.json`, beside the mail outbox; `GET
 * /api/dev/outbox` lists both. Tests can make it throttle, refuse a number for good, or
 * answer that a number replied STOP, as the service does.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import { z } from 'zod'
import { SMS_OPTED_OUT } from '../../../functions/core/outbox/sms-text'
import { now } from '../../../functions/shared/clock'
import { LOCAL_SMS_ORIGINATION_IDENTITY } from '../../../functions/shared/env'
import { settleOutbox } from './outbox'

export interface OutboxSms {
  id: string
  to: string
  from: string
  text: string
  /** The outbox item's id (SendTextMessage `Context.mailId`): what counts the sends of one SMS. */
  context?: Record<string, string>
  sentAt: string
}

/** The part of `SendTextMessageRequest` the mailer uses; anything else is refused, not ignored. */
const sendTextSchema = z.strictObject({
  DestinationPhoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 number'),
  OriginationIdentity: z.string().min(1),
  MessageBody: z.string().min(1).max(1600),
  MessageType: z.enum(['TRANSACTIONAL', 'PROMOTIONAL']).optional(),
  ConfigurationSetName: z.string().optional(),
  Context: z.record(z.string(), z.string()).optional(),
})

export interface SmsFaults {
  throttle: boolean
  /** Numbers refused for good (ValidationException), as a number no operator serves. */
  rejectNumbers: ReadonlySet<string>
  /** Numbers on the opt-out list (they replied STOP): ConflictException with the opt-out reason. */
  optedOut: ReadonlySet<string>
}

export interface LocalSms {
  sendTextMessage: (body: unknown) => Promise<{ status: number; body: unknown }>
  faults: SmsFaults
  answered: { throttled: number; rejected: number }
}

export const SMS_TARGET_PREFIX = 'PinpointSMSVoiceV2.'

const nextId = monotonicFactory()

export const smsOutboxDirectory = (dataDir: string): string => join(dataDir, 'sms-outbox')

const failure = (status: number, type: string, message: string, extra: object = {}) => ({
  status,
  body: { __type: type, message, ...extra },
})

export const createLocalSms = (options: { dataDir: string }): LocalSms => {
  const faults: SmsFaults = { throttle: false, rejectNumbers: new Set(), optedOut: new Set() }
  const answered = { throttled: 0, rejected: 0 }
  return {
    faults,
    answered,
    sendTextMessage: async (body) => {
      const parsed = sendTextSchema.safeParse(body)
      if (!parsed.success) return failure(400, 'ValidationException', parsed.error.message)
      const { DestinationPhoneNumber: to, OriginationIdentity, MessageBody, Context } = parsed.data
      if (OriginationIdentity !== LOCAL_SMS_ORIGINATION_IDENTITY)
        return failure(404, 'ResourceNotFoundException', `no origination identity ${OriginationIdentity}`)
      if (faults.throttle) {
        answered.throttled += 1
        return failure(400, 'ThrottlingException', 'Rate exceeded')
      }
      if (faults.optedOut.has(to)) {
        answered.rejected += 1
        return failure(400, 'ConflictException', 'The destination phone number is opted out', {
          Reason: SMS_OPTED_OUT,
          ResourceType: 'opt-out-list',
          ResourceId: 'Default',
        })
      }
      if (faults.rejectNumbers.has(to)) {
        answered.rejected += 1
        return failure(400, 'ValidationException', `The destination phone number ${to} is not valid`)
      }
      const sentAt = now()
      const sms: OutboxSms = {
        id: nextId(sentAt.getTime()),
        to,
        from: OriginationIdentity,
        text: MessageBody,
        ...(Context ? { context: Context } : {}),
        sentAt: sentAt.toISOString(),
      }
      const directory = smsOutboxDirectory(options.dataDir)
      await mkdir(directory, { recursive: true })
      const path = join(directory, `${sms.id}.json`)
      // Write-then-rename: a concurrent reader never sees half an SMS.
      await writeFile(`${path}.tmp`, JSON.stringify(sms, null, 2))
      await rename(`${path}.tmp`, path)
      return { status: 200, body: { MessageId: sms.id } }
    },
  }
}

/** The SMS outbox, newest first, optionally to one number; drains the local mailer first, as the mail outbox does. */
export const readSmsOutbox = async (dataDir: string, to?: string): Promise<OutboxSms[]> => {
  await settleOutbox(dataDir)
  const directory = smsOutboxDirectory(dataDir)
  const files = (await readdir(directory).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.json'),
  )
  const all = await Promise.all(
    files
      .sort()
      .reverse()
      .map(async (name) => JSON.parse(await readFile(join(directory, name), 'utf8')) as OutboxSms),
  )
  return to ? all.filter((sms) => sms.to === to) : all
}
