import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { letterVerificationUrl } from '../../../functions/core/case/recommendation-letter'
import { qrCodeHtml, qrSvg } from '../../../functions/web/qr-code'

const URL = 'https://layanan.dinsos.example.go.id/v/7K3M9QZX2C4V8B1N'

describe('the QR code of a Surat Rekomendasi', () => {
  it('points at the public verification page of exactly the letter code', () => {
    expect(letterVerificationUrl('https://layanan.dinsos.example.go.id', '7K3M9QZX2C4V8B1N')).toBe(URL)
    expect(letterVerificationUrl('https://layanan.dinsos.example.go.id/', '7K3M9QZX2C4V8B1N')).toBe(URL)
  })

  it('is the qrcode library SVG of the URL, inline and labelled, with no script or style', async () => {
    const expected = await QRCode.toString(URL, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
    expect(await qrSvg(URL)).toBe(expected)
    const markup = (await qrCodeHtml(URL, 'Kode QR verifikasi surat 7K3M-9QZX')).value
    expect(markup).toBe(
      expected.replace(
        '<svg ',
        '<svg class="qr-code" role="img" aria-label="Kode QR verifikasi surat 7K3M-9QZX" ',
      ),
    )
    expect(markup).not.toMatch(/<script|style=|<image|href=/)
  })

  it('differs for another code, so the printed QR cannot be a fixed picture', async () => {
    expect(await qrSvg(URL)).not.toBe(await qrSvg(URL.replace('7K3M', '7K3N')))
  })

  it('escapes the label, which names the code', async () => {
    expect((await qrCodeHtml(URL, '"><script>')).value).toContain('aria-label="&quot;&gt;&lt;script&gt;"')
  })
})
