import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../functions/core/case/task-record'
import { caseSummaryHtml } from '../../../functions/web/task-page'
import { SITI_AMINAH } from '../../support/applicant'

const record = {
  reference: '320114-2026-000001',
  status: 'ASSESSMENT',
  service: 'REHABILITASI_SOSIAL',
  description: 'Tidur di terminal sejak ditinggal orang tua.',
  assessment: {
    findings: 'Korban kekerasan dalam keluarga.',
    by: 'tksk.leuwiliang',
    at: '2026-03-03T03:00:00Z',
  },
  applicant: SITI_AMINAH,
} as unknown as CaseRecord

const summaryFor = (kind: TaskRecord['kind']) =>
  String(
    caseSummaryHtml(
      record,
      { kind, dueAt: '2026-03-09T16:59:59.999Z', area: '32.01.14' } as unknown as TaskRecord,
      () => 'Cibeber',
    ),
  )

describe('the case summary of a link page', () => {
  it('shows the desa/Disdukcapil of an adminduk referral neither the description nor the findings', () => {
    const shown = summaryFor('ADMINDUK_REFERRAL')
    expect(shown).not.toContain('Tidur di terminal')
    expect(shown).not.toContain('Korban kekerasan')
    expect(shown).toContain('320114-2026-000001')
  })

  it('still shows the approver both', () => {
    const shown = summaryFor('APPROVAL')
    expect(shown).toContain('Tidur di terminal')
    expect(shown).toContain('Korban kekerasan')
  })
})
