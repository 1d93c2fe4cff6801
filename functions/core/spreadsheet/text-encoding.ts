/**
 * The text of an uploaded CSV, from the encodings spreadsheet programs write: UTF-8
 * with or without a BOM, and UTF-16 (Excel's "Unicode Text", LibreOffice's "Unicode")
 * with its BOM or, when a transfer lost it, recognised by the NUL bytes of its ASCII
 * header. Anything else is refused in words: a binary or Latin-1 file is never shown
 * back to the person as bytes.
 */
import { SpreadsheetFileError } from './spreadsheet-error'

const SAVE_AS_UTF8 = 'Simpan ulang dari Excel dengan "Simpan Sebagai" → "CSV UTF-8 (dibatasi koma)".'

const startsWith = (bytes: Buffer, ...prefix: number[]) =>
  prefix.every((byte, index) => bytes[index] === byte)

const decodeUtf16 = (body: Buffer, bigEndian: boolean): string => {
  if (body.length % 2 !== 0)
    throw new SpreadsheetFileError('ENCODING', `Berkas teks Unicode (UTF-16) terpotong. ${SAVE_AS_UTF8}`)
  const decoder = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true })
  try {
    return decoder.decode(body)
  } catch {
    throw new SpreadsheetFileError('ENCODING', `Berkas teks Unicode (UTF-16) rusak. ${SAVE_AS_UTF8}`)
  }
}

// A header is ASCII column names: in UTF-16 every other byte of it is NUL.
const headerIsUtf16 = (bytes: Buffer, bigEndian: boolean): boolean =>
  bytes.length >= 4 &&
  [0, 2].every((at) =>
    bigEndian ? bytes[at] === 0 && bytes[at + 1] !== 0 : bytes[at] !== 0 && bytes[at + 1] === 0,
  )

export const decodeCsvText = (bytes: Buffer): string => {
  if (startsWith(bytes, 0xff, 0xfe)) return decodeUtf16(bytes.subarray(2), false)
  if (startsWith(bytes, 0xfe, 0xff)) return decodeUtf16(bytes.subarray(2), true)
  if (headerIsUtf16(bytes, false)) return decodeUtf16(bytes, false)
  if (headerIsUtf16(bytes, true)) return decodeUtf16(bytes, true)
  const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes
  if (body.includes(0))
    throw new SpreadsheetFileError(
      'ENCODING',
      `Berkas ini bukan CSV teks (berisi byte NUL, misalnya berkas biner atau teks UTF-16 yang rusak). ${SAVE_AS_UTF8}`,
    )
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    throw new SpreadsheetFileError('ENCODING', `Berkas CSV harus berenkode UTF-8. ${SAVE_AS_UTF8}`)
  }
}
