/**
 * The limits of a provider file (issue 13 import), apart from its reader so that the
 * route table, which every Lambda loads, does not pull the spreadsheet code along.
 */
export const MAX_PROVIDER_ROWS = 2_000
/** A kabupaten's desa SKTM rows are a few hundred lines; 1 MiB leaves ample room. */
export const MAX_PROVIDER_FILE_BYTES = 1024 * 1024
