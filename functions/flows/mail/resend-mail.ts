/**
 * "Kirim ulang" (ADR 0018): a mail SES refused for good goes back to PENDING, which the
 * table's stream hands to the mailer again. Only the Dinsos of the mail's kabupaten may;
 * a mail that is not FAILED (sent meanwhile, or resent by a colleague) is a 409.
 */
import { can } from '../../core/authorization/can'
import { getMail, requeueMail } from '../../data/outbox-repository'
import type { User } from '../../core/identity/user'
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors'

/** Queues the mail again; its subject, to confirm which one. */
export const resendMail = async (user: User, mailId: string, at: string): Promise<string> => {
  const mail = await getMail(mailId)
  if (!mail) throw new NotFoundError('Surel tidak ditemukan.')
  if (!can(user, 'mail:resend', { area: mail.area }))
    throw new ForbiddenError('Surel ini di luar wewenang Anda.')
  if (!(await requeueMail(mailId, at)))
    throw new ConflictError('Surel ini tidak lagi menunggu dikirim ulang.')
  return mail.subject
}
