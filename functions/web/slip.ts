/**
 * The resident's slip (issue 19): the reference, the access code and a QR code of the
 * status page's address, printed on one page of whatever paper is at hand (A4 in an
 * office, A6 on a TKSK's pocket printer: the `slip` named page of app.css takes the
 * paper's size). On screen it is the box of the confirmation page; in print it is all
 * that prints. The QR code is drawn on the server (`qr-code.ts`): no script, no request.
 */
import { html, type SafeHtml } from './html'
import { qrCodeHtml } from './qr-code'

export interface SlipModel {
  reference: string
  /** Absent when this page may not show it (another browser's confirmation, an old case). */
  accessCode?: string | undefined
  /** The status page's address with the reference filled in. */
  statusUrl: string
}

export const slipHtml = async ({ reference, accessCode, statusUrl }: SlipModel): Promise<SafeHtml> =>
  html`<section class="slip" aria-labelledby="slip-title">
    <h2 id="slip-title">Tanda terima permohonan layanan sosial</h2>
    <p>Nomor registrasi</p>
    <p class="reference">${reference}</p>
    ${
      accessCode
        ? html`<p>Kode akses</p>
            <p class="reference" id="kode-akses">${accessCode}</p>`
        : html`<p>Kode akses: lihat email Anda atau tanyakan kepada petugas.</p>`
    }
    ${await qrCodeHtml(statusUrl, `Kode QR alamat halaman cek status permohonan ${reference}`)}
    <p class="status-url">Cek status: ${statusUrl}</p>
    <p>Jangan berikan kode akses kepada orang lain. Petugas tidak pernah meminta uang untuk layanan ini.</p>
  </section>`
