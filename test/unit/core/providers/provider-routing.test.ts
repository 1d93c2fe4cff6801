import { describe, expect, it } from 'vitest'
import type { ProviderRecord } from '../../../../functions/core/providers/provider-record'
import {
  choosableProviders,
  matchSpecificity,
  rankProviders,
  routeProvider,
} from '../../../../functions/core/providers/provider-routing'

const VILLAGE = '32.01.14.2001'

let created = 0
const provider = (providerId: string, over: Partial<ProviderRecord> = {}): ProviderRecord => ({
  providerId,
  name: providerId,
  kind: 'LAINNYA',
  email: `${providerId}@example.org`,
  services: ['SKTM'],
  areas: ['32.01'],
  active: true,
  kabupaten: '32.01',
  createdAt: `2026-01-01T00:00:${String(created++).padStart(2, '0')}Z`,
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...over,
})

describe('routing a case to the directory', () => {
  it('a listed desa is more specific than its kecamatan, which is more specific than the kabupaten', () => {
    expect(matchSpecificity(['32.01'], VILLAGE)).toBe(1)
    expect(matchSpecificity(['32.01.14'], VILLAGE)).toBe(2)
    expect(matchSpecificity([VILLAGE], VILLAGE)).toBe(3)
    expect(matchSpecificity(['32.01.15', '32.01'], VILLAGE)).toBe(1)
    expect(matchSpecificity(['32.01.15', '32.01.14.2002'], VILLAGE)).toBe(0)
  })

  it('the desa’s own provider serves, though a kabupaten-wide one was listed first', () => {
    const kabupaten = provider('kabupaten')
    const kecamatan = provider('kecamatan', { areas: ['32.01.14'] })
    const desa = provider('desa', { areas: [VILLAGE] })
    expect(routeProvider([kabupaten, kecamatan, desa], 'SKTM', VILLAGE)?.providerId).toBe('desa')
    expect(routeProvider([kabupaten, kecamatan], 'SKTM', VILLAGE)?.providerId).toBe('kecamatan')
    expect(routeProvider([kabupaten], 'SKTM', VILLAGE)?.providerId).toBe('kabupaten')
  })

  it('an inactive provider, one of another service or of another desa never serves', () => {
    const providers = [
      provider('inactive', { areas: [VILLAGE], active: false }),
      provider('health', { areas: [VILLAGE], services: ['JAMKESDA'] }),
      provider('neighbour', { areas: ['32.01.14.2002'] }),
      provider('other-kecamatan', { areas: ['32.01.15'] }),
    ]
    expect(routeProvider(providers, 'SKTM', VILLAGE)).toBeUndefined()
  })

  it('between equally specific providers the older entry serves, so a new one never takes over a route', () => {
    const older = provider('zz-older')
    const newer = provider('aa-newer')
    expect(rankProviders([newer, older], 'SKTM', VILLAGE).map((p) => p.providerId)).toEqual([
      'zz-older',
      'aa-newer',
    ])
  })

  it('a provider that declined is skipped for the next most specific one', () => {
    const desa = provider('desa', { areas: [VILLAGE] })
    const kabupaten = provider('kabupaten')
    expect(routeProvider([desa, kabupaten], 'SKTM', VILLAGE, ['desa'])?.providerId).toBe('kabupaten')
    expect(routeProvider([desa, kabupaten], 'SKTM', VILLAGE, ['desa', 'kabupaten'])).toBeUndefined()
  })

  it('Dinsos may choose any active provider, those of the service first', () => {
    const providers = [
      provider('b-health', { name: 'B', services: ['JAMKESDA'] }),
      provider('a-lks', { name: 'A', services: ['REHABILITASI_SOSIAL'] }),
      provider('c-health', { name: 'C', services: ['JAMKESDA'], active: false }),
    ]
    expect(choosableProviders(providers, 'JAMKESDA').map((p) => p.providerId)).toEqual(['b-health', 'a-lks'])
  })
})
