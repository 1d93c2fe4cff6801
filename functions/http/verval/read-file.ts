/** The uploaded sheet by its content type: CSV or XLSX, anything else 415; unreadable files 400. */
import { VervalFileError } from '../../core/verval/file-problem'
import { parseVervalCsv } from '../../core/verval/parse-csv'
import { parseVervalXlsx } from '../../core/verval/parse-xlsx'
import type { VervalRow } from '../../core/verval/verval-row'
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/errors'
import type { RequestContext } from '../runtime/action'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const readVervalFile = async (request: RequestContext): Promise<VervalRow[]> => {
  const type = (request.event.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  const parse = type === 'text/csv' ? parseVervalCsv : type === XLSX_TYPE ? parseVervalXlsx : undefined
  if (!parse) throw new UnsupportedMediaTypeError(`text/csv atau ${XLSX_TYPE}`)
  if (request.bodyBytes.byteLength === 0)
    throw new BadRequestError('Berkas kosong.', [{ path: 'file', message: 'Berkas kosong.' }])
  try {
    return await parse(request.bodyBytes)
  } catch (error) {
    if (error instanceof VervalFileError)
      throw new BadRequestError(error.message, [{ path: 'file', message: error.message }])
    throw error
  }
}
