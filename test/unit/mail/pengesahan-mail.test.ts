import { describe, expect, it } from 'vitest'
import { composePengesahanMail } from '../../../functions/mail/pengesahan-mail'

const person = { id: 'u', role: 'tksk', name: 'Asep', email: 'asep@example.org' } as const

describe('the pengesahan reminder of desa parts', () => {
  it('lists each desa still awaited by name and program, escaped, and never a code', () => {
    const mail = composePengesahanMail(person, {
      item: {
        kind: 'DESA_PARTS_MISSING',
        subject: '32.01.14',
        count: 2,
        desaParts: [
          { program: 'BPNT', desaCode: '32.01.14.2003', desaName: 'Karyasari' },
          { program: 'PKH', desaCode: '32.01.14.2004', desaName: 'Sari <b>' },
        ],
      },
      milestone: 'REMINDER-1',
      period: '2026-12',
      deadlineLabel: '25 Desember 2026',
      subjectLabel: 'Kec. Leuwiliang',
      pageUrl: 'https://x/staff/pengesahan',
    })
    expect(mail.subject).toBe(
      '[Verval 2026-12] Pengingat: 2 hasil musdes desa untuk verval periode 2026-12 di Kec. Leuwiliang belum masuk',
    )
    expect(mail.text).toContain('Desa yang belum mengirim:\n- Karyasari (BPNT)\n- Sari <b> (PKH)\n')
    expect(mail.html).toContain('<li>Sari &lt;b&gt; (PKH)</li>')
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\d\d\.\d\d\.\d\d/)
  })
})
