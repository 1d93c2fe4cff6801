/**
 * An email as the transactional outbox holds it (ADR 0018): written in the transaction
 * of the state change that causes it, sent later by the mailer. Its id is derived from
 * what caused it (owner + purpose), so a replayed step writes the same item and its
 * conditional put adds nothing: the outbox replaces the old "claim, then send" log.
 */
import { createHash } from 'node:crypto'
import type { Person } from '../case/case-record'
import { maskDigitsIn } from '../identity/mask'

export type MailStatus = 'PENDING' | 'SENT' | 'FAILED'

/**
 * How an outbox item goes out (ADR 0028): an email through SES, or an SMS through AWS End
 * User Messaging SMS (`to` is then an E.164 number, `text` the message, no HTML). Absent
 * on items written before SMS: email.
 */
export type OutboxChannel = 'email' | 'sms'

/**
 * A link the mailer issues when it sends: the secret exists only in the sent mail (DESIGN
 * §5 stores its SHA-256 alone), so it must not sit in the outbox item in clear.
 */
export interface MailLink {
  /** Path the link opens, e.g. `/t` or `/verval/keputusan`. */
  path: string
  /** What the link decides: a task id, or `batch:<id>` for a verval approval. */
  taskId: string
  recipient: Person
  expiresAtIso: string
}

export interface MailDraft {
  mailId: string
  channel?: OutboxChannel
  to: string
  subject: string
  /** Text and HTML bodies; with `link`, each holds LINK_PLACEHOLDER where the URL goes. */
  text: string
  html: string
  /** Area of what caused the mail (kecamatan or kabupaten): whose Dinsos sees it fail. */
  area: string
  /** Staff or provider (a Person id); unset for a resident, whose address is never listed. */
  recipientId?: string
  link?: MailLink
}

export interface MailFailure {
  code: string
  message: string
}

export interface OutboxMailRecord extends MailDraft {
  status: MailStatus
  createdAt: string
  /** When "Kirim ulang" made a FAILED mail PENDING again. */
  requeuedAt?: string
  messageId?: string
  sentAt?: string
  failedAt?: string
  failure?: MailFailure
  /** Set by the bounce/complaint handler from SES's configuration-set events. */
  bounce?: { type: 'BOUNCE' | 'COMPLAINT'; at: string; detail: string }
}

/** A composed email (functions/mail templates) put into the outbox shape. */
export const mailDraft = (
  mail: Pick<MailDraft, 'to' | 'subject' | 'text' | 'html'>,
  cause: { owner: string; purpose: string; area: string; recipientId?: string; link?: MailLink },
): MailDraft => ({
  mailId: mailIdOf(cause.owner, cause.purpose),
  to: mail.to,
  // Masked before the outbox stores it (DESIGN §1): no template may put a NIK or KK into
  // a table or a mailbox, whatever free text it quotes. The link placeholder has no digits.
  subject: maskDigitsIn(mail.subject),
  text: maskDigitsIn(mail.text),
  html: maskDigitsIn(mail.html),
  area: cause.area,
  ...(cause.recipientId ? { recipientId: cause.recipientId } : {}),
  ...(cause.link ? { link: cause.link } : {}),
})

/** The SES message tag by which configuration-set events (bounce, complaint) name their mail. */
export const MAIL_ID_TAG = 'mailId'

/** Where a mail's URL goes until the mailer issues the link; survives HTML escaping. */
export const LINK_PLACEHOLDER = '@@LINK@@'

/**
 * The id of the mail `owner` (e.g. `task:<taskId>`) sends for `purpose` (e.g.
 * `ask:<userId>`). Hex, so it is also a valid SES message tag value (letters, digits,
 * `_`, `-` only), which is how bounce events find their mail again.
 */
export const mailIdOf = (owner: string, purpose: string): string =>
  createHash('sha256').update(`${owner}\n${purpose}`).digest('hex').slice(0, 32)

const escapeHtmlAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The bodies with the issued URL in place of the placeholder. */
export const withLink = (draft: Pick<MailDraft, 'text' | 'html'>, url: string) => ({
  text: draft.text.split(LINK_PLACEHOLDER).join(url),
  html: draft.html.split(LINK_PLACEHOLDER).join(escapeHtmlAttribute(url)),
})

/**
 * SES v2 errors that no retry can cure: the message, sender or account is refused. Every
 * other error (throttling, quotas, 5xx, the network) is transient and retried.
 */
const PERMANENT_SES_ERRORS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
])

export const isPermanentRejection = (errorName: string): boolean => PERMANENT_SES_ERRORS.has(errorName)

/**
 * How long a mail may stay PENDING through transient SES errors (throttling, 5xx, the
 * network) before the mailer gives up on it and marks it FAILED for Dinsos (ADR 0020):
 * under the stream mapping's six-hour maximum record age, so the mail is listed with
 * "Kirim ulang" before its record would go to the dead-letter queue, where nobody sees it.
 */
export const MAIL_RETRY_SPAN_MS = 5 * 60 * 60 * 1000

/** The failure code of a mail the mailer gave up on after MAIL_RETRY_SPAN_MS of transient errors. */
export const RETRIES_EXHAUSTED = 'RetriesExhausted'

/** Whether a PENDING mail has waited out its retry span at `now` (since it was queued or resent). */
export const retriesExhausted = (
  mail: Pick<OutboxMailRecord, 'createdAt' | 'requeuedAt'>,
  now: Date,
): boolean => now.getTime() - Date.parse(mail.requeuedAt ?? mail.createdAt) >= MAIL_RETRY_SPAN_MS

/**
 * Why a failed send is final (ADR 0020, 0028): the service refused it for good, or it kept
 * failing for the whole retry span. Undefined for a transient error within the span: the
 * stream retries. Shared by the SES and the SMS sender, each with its own permanent errors.
 */
export const finalFailureOf = (
  error: unknown,
  item: Pick<OutboxMailRecord, 'createdAt' | 'requeuedAt'>,
  now: Date,
  sender: { isPermanent: (errorName: string) => boolean; refusal: string },
): MailFailure | undefined => {
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  if (sender.isPermanent(name)) return { code: name, message }
  if (retriesExhausted(item, now))
    return {
      code: RETRIES_EXHAUSTED,
      message: `${sender.refusal} selama ${MAIL_RETRY_SPAN_MS / 3_600_000} jam (${name}: ${message})`,
    }
  return undefined
}

/** What one send of an outbox item came to: sent, nothing to do (already sent/opted out), refused. */
export type DeliveryResult = 'SENT' | 'SKIPPED' | 'REJECTED'
