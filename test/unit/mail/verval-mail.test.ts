import { describe, expect, it } from 'vitest'
import type { BatchRecord } from '../../../functions/core/verval/batch-record'
import { composeApprovalMail } from '../../../functions/mail/verval-mail'

const counts = { added: 1, updated: 0, removed: 0, unchanged: 2 }
const batch = {
  batchId: 'B1',
  kecamatan: '32.01.14',
  program: 'BPNT',
  period: '2026-12',
  rows: 3,
  summary: { ...counts, byDesa: { '32.01.14.2001': counts } },
} as unknown as BatchRecord
const names: Record<string, string> = {
  '32.01.14': 'Kec. Leuwiliang',
  '32.01.14.2001': 'Leuwiliang, Kec. Leuwiliang',
}
const person = { id: 'u', role: 'dinsos', name: 'Rina', email: 'rina@example.org' } as const

describe('the verval approval mail', () => {
  it('names the kecamatan and each desa of the summary, never their codes', () => {
    const mail = composeApprovalMail(
      batch,
      person,
      'ASK',
      'https://x/t/1',
      '2026-12-11T16:59:59.999Z',
      (code) => names[code] ?? code,
    )
    expect(mail.subject).toBe('[B1] Persetujuan: Verval BPNT Kec. Leuwiliang periode 2026-12')
    expect(mail.text).toContain('- Leuwiliang, Kec. Leuwiliang: 1 baru')
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\d\d\.\d\d\.\d\d/)
  })
})
