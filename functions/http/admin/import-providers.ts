/** `POST /api/admin/providers/import` (issue 13): a CSV or XLSX of providers, all or nothing. */
import { ulid } from 'ulid'
import { spreadsheetFormatOf, XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { importProviders as importSheet } from '../../flows/providers/import-providers'
import { UnsupportedMediaTypeError } from '../../shared/errors'
import { staffAction } from '../runtime/action'
import { json } from '../runtime/responses'
import { actorOf, requireRole } from './providers'

export const importProviders = staffAction(async (request) => {
  requireRole(request.user, 'provider:write')
  const format = spreadsheetFormatOf(request.event.headers['content-type'])
  if (!format) throw new UnsupportedMediaTypeError(`text/csv atau ${XLSX_TYPE}`)
  const by = actorOf(request, 'provider:write')
  const result = await importSheet({ bytes: request.bodyBytes, format }, () => ulid(by.now.getTime()), by)
  return json(201, result)
})
