/**
 * A verval file posted in a form (the TKSK's upload form, a desa's musdes link, ADR 0033):
 * its type by the file name's ending, then the rows through the verval reader. Anything
 * unreadable is the user's problem, a 400 on the `file` field.
 */
import { XLSX_TYPE, spreadsheetFormatOf } from '../../core/spreadsheet/read-spreadsheet'
import { SpreadsheetFileError } from '../../core/spreadsheet/spreadsheet-error'
import { readVervalFile } from '../../core/verval/read-verval-file'
import type { VervalRow } from '../../core/verval/verval-row'
import { BadRequestError } from '../../shared/errors'
import type { UploadedFile } from './multipart'

// `.txt` is Excel's "Unicode Text" (tab-separated UTF-16), read like a CSV.
export const SHEET_FILE_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  txt: 'text/plain',
  xlsx: XLSX_TYPE,
}

const refuse = (message: string) => new BadRequestError(message, [{ path: 'file', message }])

export const readFormSheet = async (
  file: UploadedFile | undefined,
  maxBytes: number,
): Promise<VervalRow[]> => {
  if (!file || file.filename === '') throw refuse('Pilih berkas CSV atau XLSX.')
  if (file.truncated) throw refuse(`Berkas lebih besar dari ${Math.floor(maxBytes / 1024 / 1024)} MiB.`)
  const format = spreadsheetFormatOf(SHEET_FILE_TYPES[file.filename.split('.').pop()?.toLowerCase() ?? ''])
  if (!format) throw refuse('Berkas harus berakhiran .csv, .txt atau .xlsx.')
  try {
    return await readVervalFile(file.bytes, format)
  } catch (error) {
    if (error instanceof SpreadsheetFileError) throw refuse(error.message)
    throw error
  }
}
