/**
 * The SES v2 `SendEmail` operation (`POST /v2/email/outbound-emails`) as the local
 * platform answers it, so handlers use `@aws-sdk/client-sesv2` unchanged. Mail goes to
 * the outbox and, when `SMTP_URL` is set, is also relayed there (e.g. to MailHog).
 */
import { createTransport, type Transporter } from 'nodemailer'
import { z } from 'zod'
import { now } from '../../../functions/shared/clock'
import { type OutboxMail, writeToOutbox } from './outbox'

const content = z.object({ Data: z.string() })

/** The part of SES v2 `SendEmailRequest` we use: simple content, To addresses. */
const sendEmailSchema = z.object({
  FromEmailAddress: z.string().min(1),
  Destination: z.object({ ToAddresses: z.array(z.string().min(3)).min(1) }),
  Content: z.object({
    Simple: z.object({
      Subject: content,
      Body: z.object({ Text: content.optional(), Html: content.optional() }),
    }),
  }),
})

export interface SesResponse {
  status: number
  body: unknown
}

export interface LocalSes {
  sendEmail: (body: unknown) => Promise<SesResponse>
}

export const createLocalSes = (options: { dataDir: string; smtpUrl?: string }): LocalSes => {
  const relay: Transporter | undefined = options.smtpUrl ? createTransport(options.smtpUrl) : undefined
  return {
    sendEmail: async (body) => {
      const parsed = sendEmailSchema.safeParse(body)
      if (!parsed.success) {
        return { status: 400, body: { __type: 'BadRequestException', message: parsed.error.message } }
      }
      const { FromEmailAddress, Destination, Content } = parsed.data
      const mail: OutboxMail = await writeToOutbox(
        options.dataDir,
        {
          from: FromEmailAddress,
          to: Destination.ToAddresses,
          subject: Content.Simple.Subject.Data,
          text: Content.Simple.Body.Text?.Data ?? '',
          html: Content.Simple.Body.Html?.Data ?? '',
        },
        now(),
      )
      if (relay) {
        await relay.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        })
      }
      return { status: 200, body: { MessageId: mail.id } }
    },
  }
}
