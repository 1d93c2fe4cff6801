import { describe, expect, it } from 'vitest'
import type { Person } from '../../../../functions/core/case/case-record'
import { batchDecidedMessage } from '../../../../functions/core/verval/decided-message'

const approvers: Person[] = [
  { id: 'dinsos.bogor', role: 'dinsos', name: 'Dinsos Kab. Bogor', email: 'rehsos@dinsos.bogorkab.local' },
]
const approval = { dueAt: '', finalAt: '', milestones: [], approvers, done: [] }

describe('the answer to a verval batch that is already decided', () => {
  it('names the decider and tells the time in the zone of the kecamatan, as a case task does', () => {
    const batch = {
      kecamatan: '32.01.14',
      approval,
      decision: {
        decision: 'APPROVE' as const,
        by: 'x',
        name: 'Kepala Dinsos Kab. Bogor',
        at: '2026-01-12T15:59:00.000Z',
      },
    }
    expect(batchDecidedMessage(batch)).toBe(
      'Verval ini sudah diputuskan oleh Kepala Dinsos Kab. Bogor pada Senin, 12 Januari 2026 pukul 22.59 WIB.',
    )
  })

  it('finds the name among the approvers for a decision that kept only the user id', () => {
    const batch = {
      kecamatan: '94.71.01',
      approval,
      decision: { decision: 'REJECT' as const, by: 'dinsos.bogor', at: '2026-01-12T15:59:00.000Z' },
    }
    expect(batchDecidedMessage(batch)).toBe(
      'Verval ini sudah diputuskan oleh Dinsos Kab. Bogor pada Selasa, 13 Januari 2026 pukul 00.59 WIT.',
    )
  })

  it('never shows a user id: an unknown decider is "petugas lain"; an undecided batch has no such answer', () => {
    const decision = { decision: 'APPROVE' as const, by: 'someone.else', at: '2026-01-12T15:59:00.000Z' }
    expect(batchDecidedMessage({ kecamatan: '32.01.14', approval, decision })).toContain(
      'oleh petugas lain pada',
    )
    expect(batchDecidedMessage({ kecamatan: '32.01.14', approval })).toBeUndefined()
  })

  it('names the role where neither the decision nor the approvers kept a name', () => {
    const decision = {
      decision: 'APPROVE' as const,
      by: 'someone.else',
      role: 'dinsos_head' as const,
      at: '2026-01-12T15:59:00.000Z',
    }
    expect(batchDecidedMessage({ kecamatan: '32.01.14', approval, decision })).toBe(
      'Verval ini sudah diputuskan oleh Kepala Dinsos pada Senin, 12 Januari 2026 pukul 22.59 WIB.',
    )
  })
})
