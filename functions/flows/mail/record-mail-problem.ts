/**
 * A bounce or complaint SES reported (ADR 0018): recorded on the mail, and on the
 * recipient's address when it is a staff member's or a provider's, so the kabupaten's
 * Dinsos sees on `/staff/surel` whose address needs correcting.
 */
import type { MailProblem } from '../../core/outbox/ses-event'
import { getMail, recordBounce } from '../../data/outbox-repository'
import { logger } from '../../shared/logger'
import { countMetric } from '../../observability/metrics'

export const recordMailProblem = async (problem: MailProblem): Promise<boolean> => {
  const mail = await getMail(problem.mailId)
  if (!mail) {
    // A sent mail is kept 90 days; SES reports within hours. Nothing to mark.
    logger.warn('SES reported on a mail the outbox no longer holds', { mailId: problem.mailId })
    return false
  }
  await recordBounce(mail, { type: problem.type, at: problem.at, detail: problem.detail })
  countMetric(problem.type === 'BOUNCE' ? 'MailsBounced' : 'MailsComplained', { at: new Date(problem.at) })
  return true
}
