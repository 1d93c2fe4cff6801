/** The uploaded sheet by its content type: CSV or XLSX, anything else 415; unreadable files 400. */
import { spreadsheetFormatOf, XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../core/spreadsheet/spreadsheet-error'
import { readVervalFile as readRows } from '../../core/verval/read-verval-file'
import type { VervalRow } from '../../core/verval/verval-row'
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/errors'
import type { RequestContext } from '../runtime/action'

export const readVervalFile = async (request: RequestContext): Promise<VervalRow[]> => {
  const format = spreadsheetFormatOf(request.event.headers['content-type'])
  if (!format) throw new UnsupportedMediaTypeError(`text/csv atau ${XLSX_TYPE}`)
  try {
    return await readRows(request.bodyBytes, format)
  } catch (error) {
    if (error instanceof SpreadsheetFileError)
      throw new BadRequestError(error.message, [{ path: 'file', message: error.message }])
    throw error
  }
}
