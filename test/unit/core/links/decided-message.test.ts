import { describe, expect, it } from 'vitest'
import { decidedMessage } from '../../../../functions/core/links/decided-message'

const AT = '2026-01-12T15:59:00.000Z'

describe('the answer to a task or a verval batch already decided', () => {
  it('names the decider and the local time of the area, for a case task as for a batch', () => {
    expect(decidedMessage('Tugas ini', { name: 'Rina', role: 'tksk' }, AT, '32.01.14.2001')).toBe(
      'Tugas ini sudah diputuskan oleh Rina pada Senin, 12 Januari 2026 pukul 22.59 WIB.',
    )
    expect(decidedMessage('Verval ini', { name: 'Rina' }, AT, '51.71.01')).toBe(
      'Verval ini sudah diputuskan oleh Rina pada Senin, 12 Januari 2026 pukul 23.59 WITA.',
    )
  })

  it('falls back to the role, then to "petugas lain", and never shows a UTC instant', () => {
    expect(decidedMessage('Tugas ini', { role: 'dinsos' }, AT, '32.01.14')).toContain('oleh Dinsos pada')
    const unknown = decidedMessage('Tugas ini', undefined, undefined, '32.01.14')
    expect(unknown).toBe('Tugas ini sudah diputuskan oleh petugas lain pada -.')
    expect(decidedMessage('Tugas ini', { name: 'Rina' }, AT, '32.01.14')).not.toContain('T15:59')
  })
})
