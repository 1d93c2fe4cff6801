/**
 * Which task decisions the retention job rewrites (ADR 0006 addendum): only those that
 * anonymising changes. A HAPUS reason from the closed list stays, and a decision whose
 * only change would be the order of its fields is not rewritten (nor listed in the audit).
 */
import { describe, expect, it } from 'vitest'
import { decisionsToAnonymise } from '../../../functions/triggers/retention-job'

describe('the decisions the retention job rewrites', () => {
  it('leaves a verification whose kept fields are already all there, in whatever order', () => {
    const kept = { vervalReason: 'MENINGGAL', outcome: 'VERVAL_DRAFT', vervalAction: 'HAPUS' }
    expect(decisionsToAnonymise([{ taskId: 'T1', decision: kept }, { taskId: 'T2' }])).toEqual([])
  })

  it('rewrites a decision with free text or a spelled-out UBAH reason, keeping its choices', () => {
    const ubah = {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'UBAH',
      vervalReason: 'nama ibu salah tulis',
      findings: 'Rumah Ibu Siti di Kp. Cibeber',
    }
    expect(decisionsToAnonymise([{ taskId: 'T3', decision: ubah }])).toEqual([
      { taskId: 'T3', decision: expect.not.objectContaining({ vervalReason: expect.anything() }) },
    ])
    const [rewritten] = decisionsToAnonymise([{ taskId: 'T3', decision: ubah }])
    expect(rewritten?.decision).toMatchObject({ outcome: 'VERVAL_DRAFT', vervalAction: 'UBAH' })
    expect(rewritten?.decision).not.toHaveProperty('vervalReason')
  })
})
