/**
 * The resident's status page for one reference: the slip's QR code, the receipt and
 * closing mails and the confirmation page all point there, so the address is spelled once.
 */
export const statusPagePath = (reference: string): string =>
  `/status?reference=${encodeURIComponent(reference)}`

/** The absolute address (mails, the printed slip): the public base URL without its trailing slash. */
export const statusPageUrl = (publicBaseUrl: string, reference: string): string =>
  `${publicBaseUrl.replace(/\/+$/, '')}${statusPagePath(reference)}`
