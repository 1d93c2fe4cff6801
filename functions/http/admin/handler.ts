/**
 * The admin Lambda (issue 13): `/api/admin/*` and the `/staff/admin/*` pages, the only
 * function granted the Cognito admin API. It also runs the daily end of TKSK terms (an
 * EventBridge schedule), which deactivates in Cognito as an admin would, and invites
 * the first admin on deploy (a custom resource invokes it, ADR 0015).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda'
import { endExpiredTerms } from '../../flows/admin/end-terms'
import { type FirstAdminRequest, inviteFirstAdmin, isFirstAdminRequest } from '../../flows/admin/first-admin'
import { now } from '../../shared/clock'
import { createResourceHandler } from '../../http/runtime/resource-handler'
import { logger } from '../../shared/logger'
import { renderPageError } from '../runtime/error-page'
import { calendarPageAction, saveCalendarPage } from './calendar-pages'
import { getCalendar, putCalendar } from './calendar-api'
import { getPengesahanDay, putPengesahanDay } from './pengesahan-api'
import { pengesahanPage, savePengesahanPage } from './pengesahan-pages'
import { importProviders } from './import-providers'
import {
  staffProvider,
  staffProviders,
  submitNewProvider,
  submitProviderChange,
  submitProviderStatus,
} from './provider-pages'
import { createProvider, listProviders, showProvider, updateProvider } from './providers'
import { create, detail, importFile, list, update } from './staff-api'
import {
  createStaffPage,
  editStaffPageAction,
  importStaffPage,
  newStaffPageAction,
  staffListPageAction,
  staffStatusPage,
  updateStaffPage,
} from './staff-pages'

const http = createResourceHandler(
  'admin',
  {
    list,
    create,
    detail,
    update,
    importFile,
    getCalendar,
    putCalendar,
    staffListPage: staffListPageAction,
    newStaffPage: newStaffPageAction,
    createStaffPage,
    importStaffPage,
    editStaffPage: editStaffPageAction,
    updateStaffPage,
    staffStatusPage,
    calendarPage: calendarPageAction,
    saveCalendarPage,
    listProviders,
    showProvider,
    createProvider,
    updateProvider,
    importProviders,
    staffProviders,
    submitNewProvider,
    staffProvider,
    submitProviderChange,
    submitProviderStatus,
    getPengesahanDay,
    putPengesahanDay,
    pengesahanPage,
    savePengesahanPage,
  },
  // JSON for `/api/…`, HTML (and 303 to the login) for the pages.
  { renderError: renderPageError },
)

/** What EventBridge sends on a schedule. */
interface ScheduledEvent {
  'detail-type': 'Scheduled Event'
}

const isScheduled = (event: unknown): event is ScheduledEvent =>
  typeof event === 'object' &&
  event !== null &&
  (event as ScheduledEvent)['detail-type'] === 'Scheduled Event'

export const handler = async (
  event: APIGatewayProxyEventV2 | ScheduledEvent | FirstAdminRequest,
  context: Context,
): Promise<APIGatewayProxyResultV2> => {
  if (isScheduled(event)) {
    const ended = await endExpiredTerms(now())
    logger.info('term-end run finished', { ended: ended.length })
    // EventBridge ignores the answer; it has the HTTP shape so the function has one signature.
    return { statusCode: 200, body: JSON.stringify({ ended: ended.length }) }
  }
  if (isFirstAdminRequest(event)) {
    const outcome = await inviteFirstAdmin(event.firstAdmin)
    logger.info('first admin on deploy', outcome)
    return { statusCode: 200, body: JSON.stringify(outcome) }
  }
  return http(event, context)
}
