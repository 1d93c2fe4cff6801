/**
 * The TKSK's forwarding of a bansos case (ADR 0036) carries the findings as the case
 * keeps them, masked: whatever reaches the applier, a NIK and the person's birth date
 * typed into the findings never leave together by email to Dinsos, the bank or the
 * pendamping (DESIGN §5). The outbox masks digit runs of every mail, but not a birth
 * date, which beside the masked NIK rebuilds it.
 */
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../../functions/core/case/task-record'
import { SITI_AMINAH } from '../../../support/applicant'

const changeCase = vi.fn()
const mailPut = vi.fn((mail: unknown) => ({ Put: { Item: mail } }))
vi.mock('../../../../functions/data/case-change', () => ({ changeCase }))
vi.mock('../../../../functions/data/outbox-repository', () => ({ mailPut }))
// This worker's other files share modules (vitest.config.ts): load the module under test
// afresh against these mocks, and give the real ones back to the files after this one.
vi.resetModules()
const { applyVerification } = await import('../../../../functions/steps/case/apply-verification')
afterAll(() => {
  vi.doUnmock('../../../../functions/data/case-change')
  vi.doUnmock('../../../../functions/data/outbox-repository')
  vi.resetModules()
})

const record = {
  caseId: 'case-1',
  reference: '320114-2026-000042',
  kind: 'PENGADUAN',
  kecamatan: '32.01.14',
  applicant: SITI_AMINAH,
  description: 'Bantuan bulan ini belum diterima.',
  bansos: { program: 'BPNT', complaintType: 'TIDAK_MENERIMA', period: '2026-12' },
  status: 'ASSESSMENT',
  history: [],
} as unknown as CaseRecord

describe('a verification forwarded to the bank penyalur', () => {
  it('mails the findings masked, NIK and birth date, the same text the case keeps', async () => {
    changeCase.mockImplementation((current: CaseRecord) => Promise.resolve({ record: current }))
    const findings = 'KPM NIK 3201144507800042 lahir 5 Juli 1980, belum menerima sejak Oktober.'
    await applyVerification({
      state: { caseId: 'case-1' },
      record,
      task: { taskId: 'task-1', decidedBy: { id: 'u-1', name: 'TKSK Leuwiliang' } } as unknown as TaskRecord,
      decision: {
        outcome: 'FORWARDED',
        forwardTo: 'BANK_PENYALUR',
        forwardEmail: 'penyaluran@bank.example.co.id',
        findings,
      },
    })
    const mailed = JSON.stringify(mailPut.mock.calls)
    expect(mailed).toContain('320114******0042')
    expect(mailed).not.toContain('3201144507800042')
    expect(mailed).toContain('lahir ** ** 1980')
    expect(mailed).not.toContain('5 Juli 1980')
    const kept = changeCase.mock.calls[0]?.[1] as { set: { resolution: { findings: string } } }
    expect(mailed).toContain(kept.set.resolution.findings)
  })
})
