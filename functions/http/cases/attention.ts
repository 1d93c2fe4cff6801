/**
 * NEEDS_ATTENTION over HTTP (issue 17, ADR 0025, 0040): `GET /api/attention`,
 * `POST /api/cases/{caseId}/retry`, `POST /api/verval/{batchId}/retry` and
 * `POST /api/laporan/{kecamatan}/{month}/retry`, and their pages `GET /staff/perlu-perhatian`,
 * `POST /staff/perlu-perhatian/kasus/{caseId}/coba-lagi`,
 * `POST /staff/perlu-perhatian/verval/{batchId}/coba-lagi` and
 * `POST /staff/perlu-perhatian/laporan/{kecamatan}/{month}/coba-lagi`. They run in the cases
 * function, which holds the redrive grant of the three workflows.
 */
import { listNeedsAttention } from '../../flows/attention/list-attention'
import { laporanIdOf } from '../../core/laporan/laporan-record'
import { laporanPathSchema } from '../../core/laporan/laporan-schema'
import {
  retryBatchWorkflow,
  retryCaseWorkflow,
  retryLaporanWorkflow,
} from '../../flows/attention/retry-workflow'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { now } from '../../shared/clock'
import { UnsupportedMediaTypeError } from '../../shared/errors'
import { attentionPage } from '../../web/attention-page'
import { isFormPost, readForm } from '../../web/form-data'
import { areaName, staffContext } from '../runtime/staff-context'
import { type StaffAction, staffAction } from '../runtime/action'
import { parseQuery, parseWith } from '../runtime/parse'
import { json } from '../runtime/responses'
import { batchIdSchema } from '../verval/schemas'
import { attentionQuerySchema, caseIdSchema } from './schemas'

export const attentionList = staffAction(async (request) => {
  const {
    retried: _retried,
    retriedBatch: _retriedBatch,
    retriedLaporan: _retriedLaporan,
    ...list
  } = parseQuery(request, attentionQuerySchema)
  const page = await listNeedsAttention(request.user, list)
  return json(200, { items: page.items, nextCursor: page.nextCursor })
})

export const retry = staffAction(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  const reference = await retryCaseWorkflow(request.user, caseId, request.correlationId)
  return json(202, { caseId, reference, retried: true })
})

export const retryBatch = staffAction(async (request) => {
  const batchId = parseWith(batchIdSchema, request.event.pathParameters?.batchId)
  const label = await retryBatchWorkflow(request.user, batchId, request.correlationId)
  return json(202, { batchId, label, retried: true })
})

export const retryLaporan = staffAction(async (request) => {
  const report = parseWith(laporanPathSchema, request.event.pathParameters ?? {})
  const label = await retryLaporanWorkflow(request.user, report, request.correlationId)
  return json(202, { ...report, label, retried: true })
})

export const staffAttention = staffAction(async (request) => {
  const query = parseQuery(request, attentionQuerySchema)
  const page = await listNeedsAttention(request.user, { ...query, limit: 100 })
  return attentionPage(staffContext(request), {
    areaLabel: areaName(page.area),
    items: page.items,
    ...(query.retried ? { retried: `Kasus ${query.retried}` } : {}),
    ...(query.retriedBatch ? { retried: 'Verval yang dipilih' } : {}),
    ...(query.retriedLaporan ? { retried: 'Laporan yang dipilih' } : {}),
    now: now(),
  })
})

/** A "Coba lagi" form post: checked, retried, then back to the list with the query naming what was retried. */
const retryPage = (retryOne: (request: Parameters<StaffAction['run']>[0]) => Promise<URLSearchParams>) =>
  staffAction(async (request) => {
    if (!isFormPost(request.event.headers['content-type']))
      throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
    const { values } = readForm(request.body)
    assertCsrf(request.event, values[CSRF_FIELD])
    const retried = await retryOne(request)
    return {
      statusCode: 303,
      headers: {
        location: `/staff/perlu-perhatian?${retried.toString()}`,
        'cache-control': 'no-store',
      },
      body: '',
    }
  })

export const retryFromPage = retryPage(async (request) => {
  const caseId = parseWith(caseIdSchema, request.event.pathParameters?.caseId)
  return new URLSearchParams({
    retried: await retryCaseWorkflow(request.user, caseId, request.correlationId),
  })
})

export const retryBatchFromPage = retryPage(async (request) => {
  const batchId = parseWith(batchIdSchema, request.event.pathParameters?.batchId)
  await retryBatchWorkflow(request.user, batchId, request.correlationId)
  return new URLSearchParams({ retriedBatch: batchId })
})

export const retryLaporanFromPage = retryPage(async (request) => {
  const report = parseWith(laporanPathSchema, request.event.pathParameters ?? {})
  await retryLaporanWorkflow(request.user, report, request.correlationId)
  return new URLSearchParams({ retriedLaporan: laporanIdOf(report.kecamatan, report.month) })
})
