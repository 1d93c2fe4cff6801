/**
 * Sends one outbox mail (ADR 0018): the mailer calls it for each PENDING mail its stream
 * delivers. The mail counts as sent only once SES has accepted it and its MessageId is
 * recorded (a conditional update), so delivery is at least once: a duplicate needs the
 * mailer to die between SES's answer and that record. A permanent rejection, or transient
 * errors through the whole retry span, mark the mail FAILED for Dinsos to see and resend;
 * anything else is thrown for the caller to retry (the stream redelivers it).
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2'
import {
  finalFailureOf,
  isPermanentRejection,
  MAIL_ID_TAG,
  type OutboxMailRecord,
  withLink,
  type DeliveryResult,
} from '../../core/outbox/outbox-mail'
import { putLink } from '../../data/link-repository'
import { getMail, markMailFailed, markMailSent } from '../../data/outbox-repository'
import { ses } from '../../shared/clients'
import { now } from '../../shared/clock'
import { env } from '../../shared/env'
import { hashLinkSecret, newLinkId, newLinkSecret } from '../../shared/link-secret'
import { logger } from '../../shared/logger'
import { countMetric } from '../../observability/metrics'
import { deliverSms } from './deliver-sms'

/**
 * The link record is written now, not when the mail was queued: its secret exists only in
 * the mail SES receives. A retried send issues a fresh link; the unsent one's secret was
 * never seen by anyone, and TTL removes it after its expiry.
 */
const bodiesOf = async (mail: OutboxMailRecord, at: string): Promise<{ text: string; html: string }> => {
  if (!mail.link) return { text: mail.text, html: mail.html }
  const linkId = newLinkId()
  const secret = newLinkSecret()
  await putLink({
    linkId,
    taskId: mail.link.taskId,
    recipient: mail.link.recipient,
    secretHash: hashLinkSecret(secret),
    createdAt: at,
    expiresAtIso: mail.link.expiresAtIso,
  })
  return withLink(mail, `${env.publicBaseUrl()}${mail.link.path}/${linkId}?k=${secret}`)
}

const SES_SENDER = { isPermanent: isPermanentRejection, refusal: 'SES tidak menerima email ini' }

export const deliverMail = async (mailId: string): Promise<DeliveryResult> => {
  const mail = await getMail(mailId)
  // Sent already (a redelivered stream record), or resent and then sent: nothing to do.
  if (!mail || mail.status !== 'PENDING') return 'SKIPPED'
  if (mail.channel === 'sms') return deliverSms(mail)
  const body = await bodiesOf(mail, now().toISOString())
  const configurationSet = env.mailConfigurationSet()
  let messageId: string | undefined
  try {
    const answer = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: env.mailFrom(),
        Destination: { ToAddresses: [mail.to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: body.text, Charset: 'UTF-8' },
              Html: { Data: body.html, Charset: 'UTF-8' },
            },
          },
        },
        EmailTags: [{ Name: MAIL_ID_TAG, Value: mail.mailId }],
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      }),
    )
    messageId = answer.MessageId
  } catch (error) {
    const at = now()
    const failure = finalFailureOf(error, mail, at, SES_SENDER)
    if (!failure) throw error
    await markMailFailed(mail, failure, at.toISOString())
    countMetric('MailsFailed', { at })
    logger.warn('SES did not take a mail; it waits for a resend', { mailId, code: failure.code })
    return 'REJECTED'
  }
  if (!messageId) throw new Error(`SES answered mail ${mailId} without a MessageId`)
  const at = now()
  await markMailSent(mailId, messageId, at.toISOString())
  countMetric('MailsSent', { at })
  return 'SENT'
}
