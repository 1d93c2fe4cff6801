/**
 * The bounds every uploaded spreadsheet is read within (DESIGN §4, issue 18): what the
 * upload may weigh, what an XLSX may open into, and how many data rows a file may hold.
 * Callers may lower them (a staff import is smaller) but the defaults are the contract's.
 */
export interface SpreadsheetLimits {
  /** Data rows below the header. */
  maxRows: number
  /** The sum of an XLSX's entries once inflated, as its central directory declares them. */
  maxUncompressedBytes: number
  /** Inflated over compressed bytes, for the whole archive and for any large entry. */
  maxRatio: number
  /** Columns read per line; cells further right are ignored (a sheet may name `XFD1`). */
  maxColumns: number
}

export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024

/**
 * What a form may post directly, without the page's script (ADR 0018): API Gateway hands a
 * multipart body to Lambda base64-encoded (4/3 of its size), and Lambda takes 6 MB, so a
 * direct post stays whole only up to ~4.4 MiB. Larger files, up to MAX_SPREADSHEET_BYTES,
 * go through the presigned S3 upload the page's script makes.
 */
export const MAX_DIRECT_FORM_BYTES = 4 * 1024 * 1024

export const DEFAULT_LIMITS: SpreadsheetLimits = {
  maxRows: 20_000,
  maxUncompressedBytes: 50 * 1000 * 1000,
  maxRatio: 100,
  maxColumns: 64,
}
