import { describe, expect, it } from 'vitest'
import { statusPageUrl } from '../../../functions/core/case/status-url'
import { composeIntakeReceiptMail } from '../../../functions/mail/intake-receipt-mail'

const record = {
  reference: '320114-2026-000001',
  accessCode: 'K7M2PQ',
  applicant: { name: 'Siti Aminah', email: 'siti@example.test' },
} as Parameters<typeof composeIntakeReceiptMail>[0]

describe('the receipt mail', () => {
  it('points at the status page the slip’s QR code opens, even from a base URL with a trailing slash', () => {
    const text = composeIntakeReceiptMail(record, 'https://layanan.example.test/')?.text ?? ''
    expect(statusPageUrl('https://layanan.example.test/', record.reference)).toBe(
      'https://layanan.example.test/status?reference=320114-2026-000001',
    )
    expect(text).toContain('Cek status di https://layanan.example.test/status?reference=320114-2026-000001 ')
  })
})
