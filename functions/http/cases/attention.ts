/**
 * NEEDS_ATTENTION over HTTP (issue 17, ADR 0025): `GET /api/attention` and
 * `POST /api/cases/{caseId}/retry`, and their pages `GET /staff/perlu-perhatian` and
 * `POST /staff/perlu-perhatian/kasus/{caseId}/coba-lagi`. They run in the cases function,
 * which holds the redrive grant.
 */
import { listNeedsAttention } from '../../flows/attention/list-attention'
import { retryCaseWorkflow } from '../../flows/attention/retry-workflow'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { UnsupportedMediaTypeError } from '../../shared/errors'
import { attentionPage } from '../../web/attention-page'
import { isFormPost, readForm } from '../../web/form-data'
import { areaName, staffContext } from '../runtime/staff-context'
import { staffAction } from '../runtime/action'
import { parseQuery, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { attentionQuerySchema, caseIdSchema } from './schemas'

export const attentionList = staffAction(async (request) => {
  const { retried: _retried, ...list } = parseQuery(request, attentionQuerySchema)
  const page = await listNeedsAttention(request.user, list)
  return json(200, { items: page.items, nextCursor: page.nextCursor })
})

export const retry = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const reference = await retryCaseWorkflow(request.user, caseId, request.correlationId)
  return json(202, { caseId, reference, retried: true })
})

export const staffAttention = staffAction(async (request) => {
  const query = parseQuery(request, attentionQuerySchema)
  const page = await listNeedsAttention(request.user, { ...query, limit: 100 })
  return attentionPage(staffContext(request), {
    areaLabel: areaName(page.area),
    items: page.items,
    ...(query.retried ? { retried: query.retried } : {}),
  })
})

export const retryFromPage = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const reference = await retryCaseWorkflow(request.user, caseId, request.correlationId)
  return {
    statusCode: 303,
    headers: {
      location: `/staff/perlu-perhatian?retried=${encodeURIComponent(reference)}`,
      'cache-control': 'no-store',
    },
    body: '',
  }
})
