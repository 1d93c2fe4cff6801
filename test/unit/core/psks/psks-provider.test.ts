import { describe, expect, it } from 'vitest'
import { psksAsProvider, referrableFor } from '../../../../functions/core/psks/psks-provider'
import type { PsksRecord } from '../../../../functions/core/psks/psks-record'

const psks = (overrides: Partial<PsksRecord> = {}): PsksRecord => ({
  psksId: '01JEXAMPLE0000000000000000',
  name: 'LKS Peduli Lansia',
  kind: 'WKSBM',
  area: '32.01.14.2001',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  contact: { email: 'lansia@example.org', phone: '081234567890' },
  active: true,
  acceptsReferrals: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  ...overrides,
})

describe('a PSKS offered as a provider', () => {
  it('is offered for a case of its own desa, and a kecamatan-wide one for every desa of the kecamatan', () => {
    expect(referrableFor(psks(), '32.01.14.2001')).toBe(true)
    expect(referrableFor(psks(), '32.01.14.2002')).toBe(false)
    expect(referrableFor(psks({ area: '32.01.14' }), '32.01.14.2002')).toBe(true)
    expect(referrableFor(psks({ area: '32.01.14' }), '32.01.15.2001')).toBe(false)
  })

  it('is not offered when inactive, not flagged, or without an email to send the link to', () => {
    expect(referrableFor(psks({ active: false }), '32.01.14.2001')).toBe(false)
    expect(referrableFor(psks({ acceptsReferrals: false }), '32.01.14.2001')).toBe(false)
    expect(referrableFor(psks({ contact: { phone: '081234567890' } }), '32.01.14.2001')).toBe(false)
  })

  it('lists no services, so automatic routing never picks it, and keeps a directory kind', () => {
    const record = psks()
    if (!referrableFor(record, '32.01.14.2001')) throw new Error('expected referrable')
    expect(psksAsProvider(record)).toMatchObject({
      providerId: record.psksId,
      kind: 'LAINNYA',
      email: 'lansia@example.org',
      services: [],
      areas: ['32.01.14.2001'],
    })
    const karangTaruna = psks({ kind: 'KARANG_TARUNA' })
    if (!referrableFor(karangTaruna, '32.01.14.2001')) throw new Error('expected referrable')
    expect(psksAsProvider(karangTaruna).kind).toBe('KARANG_TARUNA')
  })
})
