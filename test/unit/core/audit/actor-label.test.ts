import { describe, expect, it } from 'vitest'
import { actorLabel } from '../../../../functions/core/audit/actor-label'

const place = (code: string) => ({ '32.01': 'Kab. Bogor', '32.01.14': 'Kec. Leuwiliang' })[code] ?? code

describe('timeline actors in Indonesian', () => {
  it('names the resident "Pemohon" and the workflows "Sistem", never by a technical id', () => {
    expect(actorLabel({ id: 'resident', role: 'resident' }, undefined, place)).toBe('Pemohon')
    expect(actorLabel({ id: 'tksk-flow', role: 'system' }, undefined, place)).toBe('Sistem')
  })

  it('names staff by display name with the office they act for', () => {
    expect(actorLabel({ id: 'u1', role: 'dinsos' }, { name: 'Rina Marlina', area: '32.01' }, place)).toBe(
      'Rina Marlina (Dinsos Kab. Bogor)',
    )
    expect(actorLabel({ id: 'u2', role: 'tksk' }, { name: 'Asep', area: '32.01.14' }, place)).toBe(
      'Asep (TKSK Kec. Leuwiliang)',
    )
    expect(actorLabel({ id: 'u3', role: 'auditor' }, { name: 'Itjen', area: '*' }, place)).toBe(
      'Itjen (Auditor)',
    )
  })

  it('names a provider by its name and keeps the id of an actor nobody knows any more', () => {
    expect(actorLabel({ id: 'p1', role: 'provider' }, { name: 'Puskesmas Leuwiliang' }, place)).toBe(
      'Puskesmas Leuwiliang (Lembaga layanan)',
    )
    expect(actorLabel({ id: '01OLD', role: 'tksk' }, undefined, place)).toBe('TKSK (01OLD)')
  })
})
