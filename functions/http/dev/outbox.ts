// The dev resource is local only (never deployed), so it may read the local outbox directly.
import { readOutbox } from '../../../infra/local/mail/outbox'
import { publicAction } from '../runtime/action'
import { parseQuery } from '../runtime/parse'
import { json } from '../runtime/responses'
import { env } from '../../shared/env'
import { outboxQuerySchema } from './schemas'

export const outbox = publicAction(async (request) => {
  const { to } = parseQuery(request, outboxQuerySchema)
  const items = await readOutbox(env.dataDir(), to)
  return json(200, {
    items: items.map(({ id, to, subject, text, html, links, sentAt }) => ({
      id,
      to,
      subject,
      text,
      html,
      links,
      sentAt,
    })),
  })
})
