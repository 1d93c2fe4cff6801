import { describe, expect, it } from 'vitest'
import { desaCounts, listableCases } from '../../../../functions/core/ppks/register-counts'

describe('the PPKS register list of an area', () => {
  it('counts the sensitive categories of a desa as one "SENSITIF" count, never by name', () => {
    const counts = desaCounts([
      { desa: '32.01.14.2001', category: 'ODHA' },
      { desa: '32.01.14.2001', category: 'KORBAN_KEKERASAN' },
      { desa: '32.01.14.2001', category: 'LANSIA_TERLANTAR' },
      { desa: '32.01.14.2002', category: 'ANAK_TERLANTAR' },
    ])
    expect(counts).toEqual([
      { desa: '32.01.14.2001', category: 'LANSIA_TERLANTAR', count: 1 },
      { desa: '32.01.14.2001', category: 'SENSITIF', count: 2 },
      { desa: '32.01.14.2002', category: 'SENSITIF', count: 1 },
    ])
  })

  it('lists no case in a sensitive category beside its reference', () => {
    const cases = [
      { reference: 'TKSK-A', category: 'ODHA' },
      { reference: 'TKSK-B', category: 'FAKIR_MISKIN' },
      { reference: 'TKSK-C', category: 'ANAK_KORBAN_KEKERASAN' },
    ] as const
    expect(listableCases(cases).map((c) => c.reference)).toEqual(['TKSK-B'])
  })
})
