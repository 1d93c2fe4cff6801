/**
 * A QR code as inline SVG, drawn on the server with `qrcode`: no script and no image
 * request, so it prints with the page and passes the CSP. The code is labelled for
 * screen readers with what it encodes.
 */
import QRCode from 'qrcode'
import { html, SafeHtml } from './html'

/** The SVG of `text`'s QR code (error correction M: survives a folded or smudged paper). */
export const qrSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })

/** `qrSvg` as markup, with a class for its printed size and an accessible name. */
export const qrCodeHtml = async (text: string, label: string): Promise<SafeHtml> => {
  const svg = await qrSvg(text)
  const attributes = html`class="qr-code" role="img" aria-label="${label}"`
  // `qrcode` writes only the fixed `<svg xmlns=…` opening and path data: nothing of `text` is markup.
  return new SafeHtml(svg.replace('<svg ', `<svg ${attributes.value} `))
}
