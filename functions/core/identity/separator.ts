/**
 * What people put between the groups of a number or date they copy from a KTP, a KK or a
 * bank book: spaces (a no-break space included), dots, dashes of every width, slashes and
 * underscores. One class for every masking rule, so a date or account typed with an en
 * dash (`05–07–1980`) is found wherever a NIK typed so is.
 */
export const SEPARATOR = '[\\s.\\-\\u2010-\\u2015\\u2212_/]'
