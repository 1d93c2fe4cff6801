// The dev resource is local only (never deployed), so it may read the local outbox directly.
import { listFailedMailsEverywhere, readStreamDeadLetters } from '../../../infra/local/mail/dead-letters'
import { readOutbox } from '../../../infra/local/mail/outbox'
import { readSmsOutbox } from '../../../infra/local/mail/sms-endpoint'
import { publicAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { env } from '../../shared/env'
import { outboxQuerySchema } from './schemas'

export const outbox = publicAction(async (request) => {
  const { to } = parseQuery(request, outboxQuerySchema)
  const items = await readOutbox(env.dataDir(), to)
  const sms = await readSmsOutbox(env.dataDir(), to)
  return json(200, {
    // Mails not delivered (ADR 0020): FAILED ones wait for "Kirim ulang"; stream batches the
    // mapping gave up on are the local counterpart of the SQS dead-letter queue. Only on the
    // unfiltered read: finding FAILED mail scans the table, and tests poll `?to=` often.
    ...(to
      ? {}
      : {
          deadLetters: {
            failed: await listFailedMailsEverywhere(),
            stream: await readStreamDeadLetters(env.dataDir()),
          },
        }),
    items: items.map(({ id, to, subject, text, html, links, sentAt }) => ({
      id,
      channel: 'email',
      to,
      subject,
      text,
      html,
      links,
      sentAt,
    })),
    // The residents' SMS (ADR 0028), newest first, as the local End User Messaging SMS sent them.
    sms: sms.map(({ id, to, text, context, sentAt }) => ({
      id,
      channel: 'sms',
      to,
      text,
      ...(context?.mailId ? { outboxId: context.mailId } : {}),
      sentAt,
    })),
  })
})
