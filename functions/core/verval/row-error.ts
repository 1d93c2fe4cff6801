/**
 * One problem of one row of a verval file, as the error report lists it (DESIGN §4):
 * `row` is the spreadsheet line (the header is line 1), `field` the column name of the
 * file, the message in Bahasa Indonesia so the TKSK can fix the sheet and re-upload.
 */
export interface RowError {
  row: number
  field: string
  code: string
  message: string
}

/** Report order: by line, then column, so the list reads like the spreadsheet. */
export const byRowThenField = (a: RowError, b: RowError): number =>
  a.row - b.row || (a.field < b.field ? -1 : a.field > b.field ? 1 : 0)
