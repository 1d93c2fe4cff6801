/**
 * SES configuration-set events through SNS (ADR 0018): each permanent bounce or complaint
 * about one of our mails is recorded on the mail and on its recipient's address.
 */
import type { SNSEvent } from 'aws-lambda'
import { MAIL_ID_TAG } from '../core/outbox/outbox-mail'
import { mailProblemOf } from '../core/outbox/ses-event'
import { recordMailProblem } from '../flows/mail/record-mail-problem'
import { logger } from '../shared/logger'

export const handler = async (event: SNSEvent): Promise<void> => {
  for (const record of event.Records) {
    let message: unknown
    try {
      message = JSON.parse(record.Sns.Message)
    } catch {
      logger.warn('an SES event that is not JSON was ignored', { messageId: record.Sns.MessageId })
      continue
    }
    const problem = mailProblemOf(message, MAIL_ID_TAG)
    if (problem) await recordMailProblem(problem)
  }
}
