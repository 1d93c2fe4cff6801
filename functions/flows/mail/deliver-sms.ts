/**
 * Sends one outbox SMS (ADR 0028) through AWS End User Messaging SMS, on the mailer's
 * path (deliver-mail.ts hands it every item of the `sms` channel): counted as sent only
 * once SendTextMessage answered a MessageId and that is recorded; a permanent refusal, or
 * transient errors through the whole retry span (ADR 0020), mark it FAILED for Dinsos (a
 * number that replied STOP is refused so, with SMS_OPTED_OUT as its code); anything else
 * is thrown for the stream to retry. No case
 * step waits on any of it: the SMS was put in the outbox with the change.
 */
import { SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2'
import {
  type DeliveryResult,
  finalFailureOf,
  MAIL_ID_TAG,
  type OutboxMailRecord,
} from '../../core/outbox/outbox-mail'
import { isPermanentSmsRejection, SMS_OPTED_OUT } from '../../core/outbox/sms-text'
import { markMailFailed, markMailSent } from '../../data/outbox-repository'
import { smsVoice } from '../../shared/clients'
import { now } from '../../shared/clock'
import { env } from '../../shared/env'
import { logger } from '../../shared/logger'
import { countMetric } from '../../observability/metrics'

/** End User Messaging's `Reason` on a ConflictException (the opt-out), when it gave one. */
const reasonOf = (error: unknown): string | undefined => {
  const reason = (error as { Reason?: unknown }).Reason
  return typeof reason === 'string' ? reason : undefined
}

const SMS_SENDER = {
  isPermanent: isPermanentSmsRejection,
  refusal: 'End User Messaging tidak menerima SMS ini',
}

export const deliverSms = async (sms: OutboxMailRecord): Promise<DeliveryResult> => {
  const identity = env.smsOriginationIdentity()
  let messageId: string | undefined
  try {
    if (!identity)
      throw Object.assign(new Error('no SMS origination identity configured'), {
        name: 'ResourceNotFoundException',
      })
    const answer = await smsVoice().send(
      new SendTextMessageCommand({
        DestinationPhoneNumber: sms.to,
        OriginationIdentity: identity,
        MessageBody: sms.text,
        MessageType: 'TRANSACTIONAL',
        // Comes back in End User Messaging's events, as the SES tag does for a mail.
        Context: { [MAIL_ID_TAG]: sms.mailId },
      }),
    )
    messageId = answer.MessageId
  } catch (error) {
    const at = now()
    const failure = finalFailureOf(error, sms, at, SMS_SENDER)
    if (!failure) throw error
    const optedOut = failure.code === 'ConflictException' && reasonOf(error) === SMS_OPTED_OUT
    await markMailFailed(sms, optedOut ? { ...failure, code: SMS_OPTED_OUT } : failure, at.toISOString())
    // A resident's STOP is their right, not a fault to alarm on.
    if (!optedOut) countMetric('MailsFailed', { at })
    logger.warn('End User Messaging did not take an SMS; it waits for a resend', {
      mailId: sms.mailId,
      code: failure.code,
    })
    return 'REJECTED'
  }
  if (!messageId) throw new Error(`End User Messaging answered SMS ${sms.mailId} without a MessageId`)
  const at = now()
  await markMailSent(sms.mailId, messageId, at.toISOString())
  countMetric('SmsSent', { at })
  return 'SENT'
}
