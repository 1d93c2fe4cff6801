/**
 * The uploaded sheet: in the body by its content type (CSV or XLSX, anything else 415),
 * or, for files too large for a Lambda request, `{"uploadId"}` naming a file the caller
 * put in the upload bucket through `POST /api/verval/uploads` (ADR 0018). Unreadable or
 * missing files are 400.
 */
import { spreadsheetFormatOf, XLSX_TYPE } from '../../core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../core/spreadsheet/spreadsheet-error'
import { MAX_VERVAL_BYTES } from '../../core/verval/columns'
import { readVervalFile as readRows } from '../../core/verval/read-verval-file'
import type { VervalRow } from '../../core/verval/verval-row'
import { readVervalUpload } from '../../data/verval-upload-store'
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../../shared/errors'
import type { RequestContext } from '../runtime/action'
import { parseWith } from '../runtime/parse'
import { uploadReferenceSchema } from './schemas'

const parseSheet = async (contentType: string | undefined, bytes: Buffer): Promise<VervalRow[]> => {
  const format = spreadsheetFormatOf(contentType)
  if (!format) throw new UnsupportedMediaTypeError(`text/csv atau ${XLSX_TYPE}`)
  try {
    return await readRows(bytes, format)
  } catch (error) {
    if (error instanceof SpreadsheetFileError)
      throw new BadRequestError(error.message, [{ path: 'file', message: error.message }])
    throw error
  }
}

export interface ReadFile {
  rows: VervalRow[]
  /** Set when the file came through the upload bucket: removed once the batch holds it. */
  uploadId?: string
}

const isJson = (contentType: string | undefined) =>
  (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'

export const readVervalFile = async (request: RequestContext, kecamatan: string): Promise<ReadFile> => {
  const contentType = request.event.headers['content-type']
  if (!isJson(contentType)) return { rows: await parseSheet(contentType, request.bodyBytes) }
  let body: unknown
  try {
    body = JSON.parse(request.bodyBytes.toString('utf8'))
  } catch {
    throw new BadRequestError('Isi permintaan bukan JSON.')
  }
  const { uploadId } = parseWith(uploadReferenceSchema, body)
  const uploaded = await readVervalUpload(kecamatan, uploadId)
  const missing = 'Berkas unggahan tidak ditemukan atau sudah kedaluwarsa; unggah ulang.'
  if (!uploaded) throw new BadRequestError(missing, [{ path: 'uploadId', message: missing }])
  // The signed URL fixed the size; this holds even if a store did not check it.
  if (uploaded.bytes.byteLength > MAX_VERVAL_BYTES) throw new PayloadTooLargeError(MAX_VERVAL_BYTES)
  return { rows: await parseSheet(uploaded.contentType, uploaded.bytes), uploadId }
}
