/**
 * `GET /staff/audit` and `GET /staff/audit/entitas`: the auditor's review pages, read
 * through the audit API actions (`list`, `verify`) so they have exactly its filters,
 * scope and 403 for other roles. They run in the audit function, which alone holds the
 * audit indexes and the anchor chain (ADR 0013).
 */
import { ALL_AREAS } from '../../core/areas/area-code'
import type { AuditPage } from '../../data/audit-queries'
import { type ErrorDetail, isAppError, UnsupportedMediaTypeError, ValidationError } from '../../shared/errors'
import type { User } from '../../core/identity/user'
import { type RequestContext, staffAction } from '../runtime/action'
import { AUDIT_FILTER_FIELDS, auditListPage } from '../../web/audit-list-page'
import { auditTimelinePage, type VerifyView } from '../../web/audit-timeline-page'
import { list } from './list'
import { authorizeRole } from './resolve-query'
import { verify } from './verify'
import { isFormPost, readForm } from '../../web/form-data'
import { exportCsv } from './export'
import { callApi, callApiResult } from '../runtime/call-api'
import { assertCsrf, CSRF_FIELD } from '../../shared/auth/csrf'
import { placeName, staffContext } from '../runtime/staff-context'
import { actorNamer } from '../../flows/audit/actor-names'
import type { AuditNames } from '../../web/audit-labels'

const LIST_PAGE_SIZE = '20'

/** The actors and places of a page of entries by name (issue 19); the ids and codes stay beside them. */
const namesOf = async (page: AuditPage): Promise<AuditNames> => ({
  actor: await actorNamer(page.items.map((entry) => entry.actor)),
  place: placeName,
})
const TIMELINE_PAGE_SIZE = '100'

/** A 400 of the API as the form's errors; anything else goes on to the error page. */
const validationErrors = (error: unknown): ErrorDetail[] => {
  if (!isAppError(error) || error.status !== 400) throw error
  return error.details.length > 0 ? error.details : [{ path: '', message: error.message }]
}

export const staffAudit = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const values: Record<string, string> = Object.fromEntries(
    [...AUDIT_FILTER_FIELDS, 'cursor'].map((name) => [name, (query[name] ?? '').trim()]),
  )
  const ctx = staffContext(request)
  const filtered = AUDIT_FILTER_FIELDS.some((name) => values[name] !== '')
  // A national user must name an area first; an empty form is an invitation, not a mistake.
  if (!filtered && request.user.area === ALL_AREAS) {
    authorizeRole(request.user, 'audit:read')
    return auditListPage(ctx, { values, errors: [], items: [], nextCursor: null, searched: false })
  }
  try {
    const page = await callApi<AuditPage>(list, request, { query: { ...values, limit: LIST_PAGE_SIZE } })
    return auditListPage(ctx, { values, errors: [], ...page, searched: true, names: await namesOf(page) })
  } catch (error) {
    const errors = validationErrors(error)
    return auditListPage(ctx, { values, errors, items: [], nextCursor: null, searched: true }, 400)
  }
})

const verdictOf = async (
  request: RequestContext & { user: User },
  entityId: string,
): Promise<VerifyView | 'NOT_FOUND'> => {
  try {
    return await callApi<VerifyView>(verify, request, { query: { entityId } })
  } catch (error) {
    if (isAppError(error) && error.status === 404) return 'NOT_FOUND'
    throw error
  }
}

export const staffAuditEntity = staffAction(async (request) => {
  const query = request.event.queryStringParameters ?? {}
  const entityId = (query.entityId ?? '').trim()
  if (!entityId) throw new ValidationError([{ path: 'entityId', message: 'entityId wajib diisi.' }])
  const cursor = query.cursor || undefined
  const page = await callApi<AuditPage>(list, request, {
    query: { entityId, cursor, limit: TIMELINE_PAGE_SIZE },
  })
  const verdict = query.periksa ? await verdictOf(request, entityId) : undefined
  return auditTimelinePage(staffContext(request), {
    entityId,
    ...page,
    names: await namesOf(page),
    ...(cursor ? { cursor } : {}),
    ...(verdict ? { verdict } : {}),
  })
})

/**
 * `POST /staff/audit/export`: the export form of the audit pages (CSRF-checked), handed
 * to `POST /api/audit/export` with the filled-in filters; answers the CSV itself.
 */
export const staffAuditExport = staffAction(async (request) => {
  if (!isFormPost(request.event.headers['content-type']))
    throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded')
  const { values } = readForm(request.body)
  assertCsrf(request.event, values[CSRF_FIELD])
  const filter = Object.fromEntries(
    AUDIT_FILTER_FIELDS.flatMap((name) => {
      const value = (values[name] ?? '').trim()
      return value ? [[name, value]] : []
    }),
  )
  return callApiResult(exportCsv, request, { body: filter })
})
