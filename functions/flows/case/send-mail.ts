/** Sends one email (composed by a template of functions/mail/) through SES v2; the local outbox locally. */
import { SendEmailCommand } from '@aws-sdk/client-sesv2'
import { ses } from '../../shared/clients'
import { env } from '../../shared/env'
import type { Mail } from '../../mail/mail'

export const sendMail = async (mail: Mail): Promise<void> => {
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: env.mailFrom(),
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        },
      },
    }),
  )
}
