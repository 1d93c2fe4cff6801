/**
 * `GET /staff/surel` and `POST /staff/surel/{mailId}/kirim-ulang` (ADR 0018): the
 * kabupaten's mail that SES refused or that bounced, and the resend of one.
 */
import * as z from 'zod'
import { resendMail } from '../../flows/mail/resend-mail'
import { listBouncingAddresses, listFailedMails } from '../../data/outbox-repository'
import { now } from '../../shared/clock'
import { UnsupportedMediaTypeError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { isFormPost, readForm } from '../../web/form-data'
import { mailProblemsPage } from '../../web/mail-problems-page'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { resolveReportScope } from './report-scope'
import { areaName, staffContext } from '../runtime/staff-context'

const mailIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Nomor surel tidak dikenal.')

export const staffMailProblems = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const scope = await resolveReportScope(request.user, 'mail:read', { area: query.area }, ['regency'], now())
  const [failed, bouncing] = await Promise.all([
    listFailedMails(scope.kabupaten),
    listBouncingAddresses(scope.kabupaten),
  ])
  return mailProblemsPage(staffContext(request), {
    areaLabel: areaName(scope.kabupaten),
    failed,
    bouncing,
    ...(query.resent ? { resent: query.resent } : {}),
  })
})

export const resendFailedMail = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const mailId = parseWith(mailIdSchema, request.event.pathParameters?.mailId)
  const subject = await resendMail(request.user, mailId, now().toISOString())
  return {
    statusCode: 303,
    headers: { location: `/staff/surel?resent=${encodeURIComponent(subject)}`, 'cache-control': 'no-store' },
    body: '',
  }
})
