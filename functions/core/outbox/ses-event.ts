/**
 * The SES configuration-set events the system acts on (ADR 0018): a permanent bounce or
 * a complaint, as SES publishes them to SNS. The mail's outbox id travels as the
 * `mailId` message tag the mailer set. Anything else (deliveries, transient bounces,
 * events of mail we did not tag) is ignored.
 */
import * as z from 'zod'

const recipient = z.object({ emailAddress: z.string(), diagnosticCode: z.string().optional() })
const mail = z.object({
  messageId: z.string(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
})

const sesEventSchema = z.discriminatedUnion('eventType', [
  z.object({
    eventType: z.literal('Bounce'),
    mail,
    bounce: z.object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(recipient),
      timestamp: z.string(),
    }),
  }),
  z.object({
    eventType: z.literal('Complaint'),
    mail,
    complaint: z.object({
      complainedRecipients: z.array(recipient),
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string(),
    }),
  }),
])

export interface MailProblem {
  mailId: string
  type: 'BOUNCE' | 'COMPLAINT'
  at: string
  /** What the receiving server said, for the Dinsos page (no message content). */
  detail: string
}

/** The problem an SES event reports about one of our mails, or undefined when it needs no action. */
export const mailProblemOf = (message: unknown, mailIdTag: string): MailProblem | undefined => {
  const parsed = sesEventSchema.safeParse(message)
  if (!parsed.success) return undefined
  const event = parsed.data
  const mailId = event.mail.tags?.[mailIdTag]?.[0]
  if (!mailId) return undefined
  if (event.eventType === 'Bounce') {
    // A transient bounce (mailbox full, greylisting) is retried by SES itself.
    if (event.bounce.bounceType !== 'Permanent') return undefined
    const first = event.bounce.bouncedRecipients[0]
    return {
      mailId,
      type: 'BOUNCE',
      at: event.bounce.timestamp,
      detail: first?.diagnosticCode ?? event.bounce.bounceSubType ?? 'Permanent',
    }
  }
  return {
    mailId,
    type: 'COMPLAINT',
    at: event.complaint.timestamp,
    detail: event.complaint.complaintFeedbackType ?? 'complaint',
  }
}
