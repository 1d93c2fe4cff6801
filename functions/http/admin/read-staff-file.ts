/** The uploaded staff sheet by its content type (CSV or XLSX, the one spreadsheet reader), else 415; unreadable 400. */
import { readStaffSheet, type StaffSheetRow } from '../../core/staff/staff-sheet'
import { spreadsheetFormatOf, XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../core/spreadsheet/spreadsheet-error'
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/errors'

export const readStaffFile = async (contentType: string, bytes: Buffer): Promise<StaffSheetRow[]> => {
  const format = spreadsheetFormatOf(contentType)
  if (!format) throw new UnsupportedMediaTypeError(`text/csv atau ${XLSX_TYPE}`)
  try {
    return await readStaffSheet(bytes, format)
  } catch (error) {
    if (error instanceof SpreadsheetFileError)
      throw new BadRequestError(error.message, [{ path: 'file', message: error.message }])
    throw error
  }
}
