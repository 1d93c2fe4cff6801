/**
 * The SES v2 `SendEmail` operation (`POST /v2/email/outbound-emails`) as the local
 * platform answers it, so handlers use `@aws-sdk/client-sesv2` unchanged. Mail goes to
 * the outbox and, when `SMTP_URL` is set, is also relayed there (e.g. to MailHog).
 */
import { createTransport, type Transporter } from 'nodemailer'
import { z } from 'zod'
import { now } from '../../../functions/shared/clock'
import { logger } from '../../../functions/shared/logger'
import { type OutboxMail, writeToOutbox } from './outbox'

const content = z.object({ Data: z.string(), Charset: z.string().optional() })
const addresses = z.array(z.string().min(3))

/**
 * The part of SES v2 `SendEmailRequest` the local platform can honour. Anything else
 * (templates, raw MIME, attachments) is refused with 400 rather than silently dropped,
 * so a mail that would differ on AWS fails here first.
 */
const sendEmailSchema = z.strictObject({
  FromEmailAddress: z.string().min(1),
  Destination: z.strictObject({
    ToAddresses: addresses.optional(),
    CcAddresses: addresses.optional(),
    BccAddresses: addresses.optional(),
  }),
  ReplyToAddresses: addresses.optional(),
  ConfigurationSetName: z.string().optional(),
  EmailTags: z.array(z.object({ Name: z.string(), Value: z.string() })).optional(),
  Content: z.strictObject({
    Simple: z.strictObject({
      Subject: content,
      Body: z
        .strictObject({ Text: content.optional(), Html: content.optional() })
        .refine((body) => body.Text || body.Html, 'a mail needs a text or an HTML body'),
    }),
  }),
})

export interface SesResponse {
  status: number
  body: unknown
}

/**
 * Faults the local SES can be told to answer with, as SES does (ADR 0018): throttling
 * (429 `TooManyRequestsException`, what a burst past the sending rate gets) and the
 * permanent `MessageRejected` of a recipient (what the SES sandbox answers for an
 * unverified address). Failure-injection tests switch them on and off.
 */
export interface SesFaults {
  throttle: boolean
  /** Throttles every send until this instant of the project clock (a throttle lasting minutes). */
  throttleUntil?: Date
  rejectRecipients: ReadonlySet<string>
}

export interface LocalSes {
  sendEmail: (body: unknown) => Promise<SesResponse>
  faults: SesFaults
  /** How many sends each fault answered (so a test knows the mailer met it). */
  answered: { throttled: number; rejected: number }
}

export const createLocalSes = (options: { dataDir: string; smtpUrl?: string }): LocalSes => {
  const relay: Transporter | undefined = options.smtpUrl ? createTransport(options.smtpUrl) : undefined
  const faults: SesFaults = { throttle: false, rejectRecipients: new Set() }
  const answered = { throttled: 0, rejected: 0 }
  return {
    faults,
    answered,
    sendEmail: async (body) => {
      const parsed = sendEmailSchema.safeParse(body)
      if (!parsed.success) {
        return { status: 400, body: { __type: 'BadRequestException', message: parsed.error.message } }
      }
      const { FromEmailAddress, Destination, Content, EmailTags } = parsed.data
      const to = Destination.ToAddresses ?? []
      const cc = Destination.CcAddresses ?? []
      const bcc = Destination.BccAddresses ?? []
      if (to.length + cc.length + bcc.length === 0) {
        return { status: 400, body: { __type: 'BadRequestException', message: 'no recipient' } }
      }
      if (faults.throttle || (faults.throttleUntil && now() < faults.throttleUntil)) {
        answered.throttled += 1
        return {
          status: 429,
          body: { __type: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' },
        }
      }
      const refused = [...to, ...cc, ...bcc].find((address) =>
        faults.rejectRecipients.has(address.toLowerCase()),
      )
      if (refused) {
        answered.rejected += 1
        return {
          status: 400,
          body: {
            __type: 'MessageRejected',
            message: `Email address is not verified. The following identities failed the check: ${refused}`,
          },
        }
      }
      const mail: OutboxMail = await writeToOutbox(
        options.dataDir,
        {
          from: FromEmailAddress,
          to,
          cc,
          bcc,
          subject: Content.Simple.Subject.Data,
          text: Content.Simple.Body.Text?.Data ?? '',
          html: Content.Simple.Body.Html?.Data ?? '',
          ...(EmailTags ? { tags: Object.fromEntries(EmailTags.map((tag) => [tag.Name, tag.Value])) } : {}),
        },
        now(),
      )
      // The outbox is the record: a relay failure is logged, not answered with an error
      // that would make the SDK retry and file the same mail twice.
      await relay
        ?.sendMail({ from: mail.from, to, cc, bcc, subject: mail.subject, text: mail.text, html: mail.html })
        .catch((error: unknown) =>
          logger.warn('SMTP relay failed; the mail stays in the outbox', { error: error as Error }),
        )
      return { status: 200, body: { MessageId: mail.id } }
    },
  }
}
