/**
 * Why an uploaded spreadsheet cannot be read at all (as opposed to rows with errors).
 * The message is in words for the person who uploaded it and never repeats the file's
 * bytes: a hostile or mis-encoded file must not write itself into an answer or a log.
 */
export type SpreadsheetProblem =
  | 'EMPTY'
  | 'HEADER'
  | 'TOO_MANY_ROWS'
  | 'ENCODING'
  | 'MALFORMED'
  /** A compressed file that would open into far more than it weighs (a zip bomb). */
  | 'BOMB'

export class SpreadsheetFileError extends Error {
  constructor(
    readonly code: SpreadsheetProblem,
    message: string,
  ) {
    super(message)
    this.name = 'SpreadsheetFileError'
  }
}

/**
 * A cell or header as it may be quoted back in a message: control characters (NULs of
 * a mis-read UTF-16 file, escape sequences) dropped and the length bounded.
 */
export const quotable = (text: string, maxChars = 40): string => {
  const clean = text.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '').trim()
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean
}
