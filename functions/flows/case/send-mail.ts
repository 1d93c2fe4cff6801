/**
 * Sends one email (composed by a template of functions/mail/) through SES v2; the local
 * outbox locally. Every part is masked on the way out (DESIGN §1): no template may put a
 * NIK or KK into a mailbox, whatever text it quotes.
 */
import { SendEmailCommand } from '@aws-sdk/client-sesv2'
import { ses } from '../../shared/clients'
import { env } from '../../shared/env'
import type { Mail } from '../../mail/mail'
import { maskDigitsIn } from '../../core/identity/mask'

export const sendMail = async (mail: Mail): Promise<void> => {
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: env.mailFrom(),
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: maskDigitsIn(mail.subject), Charset: 'UTF-8' },
          Body: {
            Text: { Data: maskDigitsIn(mail.text), Charset: 'UTF-8' },
            Html: { Data: maskDigitsIn(mail.html), Charset: 'UTF-8' },
          },
        },
      },
    }),
  )
}
