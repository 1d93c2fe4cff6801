import { describe, expect, it } from 'vitest'
import { createAreaIndex } from '../../../../functions/core/areas/area-index'
import { checkProviderAreas } from '../../../../functions/core/providers/provider-areas'
import {
  providerInputSchema,
  providerPatchSchema,
} from '../../../../functions/core/providers/provider-schema'

const index = createAreaIndex([
  { code: '32', name: 'JAWA BARAT' },
  { code: '32.01', name: 'KABUPATEN BOGOR', parentCode: '32' },
  { code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' },
  { code: '32.01.14.2001', name: 'Karacak', parentCode: '32.01.14' },
  { code: '18', name: 'LAMPUNG' },
  { code: '18.71', name: 'KOTA BANDAR LAMPUNG', parentCode: '18' },
])

describe('the areas a provider serves', () => {
  it('lie in one kabupaten/kota, which becomes the provider’s', () => {
    expect(checkProviderAreas(['32.01.14', '32.01.14.2001'], index)).toEqual({
      problems: [],
      kabupaten: '32.01',
    })
    expect(checkProviderAreas(['32.01'], index)).toEqual({ problems: [], kabupaten: '32.01' })
  })

  it('an unknown or malformed code is named by its list position', () => {
    expect(checkProviderAreas(['32.01.14', '32.01.99', '32'], index).problems.map((p) => p.path)).toEqual([
      'areas.1',
      'areas.2',
    ])
  })

  it('an area of another kabupaten/kota is refused, also when the provider’s kabupaten is pinned', () => {
    expect(checkProviderAreas(['32.01.14', '18.71'], index).problems).toEqual([
      { path: 'areas.1', message: expect.stringContaining('di luar kabupaten/kota 32.01') },
    ])
    expect(checkProviderAreas(['18.71'], index, '32.01').problems.map((p) => p.path)).toEqual(['areas.0'])
  })

  it('the whole kabupaten/kota is not listed beside its own kecamatan', () => {
    expect(checkProviderAreas(['32.01', '32.01.14'], index).problems.map((p) => p.path)).toEqual(['areas'])
  })
})

describe('the provider input', () => {
  const valid = {
    name: 'Puskesmas Leuwiliang',
    kind: 'PUSKESMAS',
    email: 'Puskesmas@Example.org',
    phone: '0251-8123456',
    services: ['JAMKESDA'],
    areas: ['32.01.14'],
  }

  it('keeps the email in lower case, the phone as digits, and is active unless told otherwise', () => {
    expect(providerInputSchema.parse(valid)).toMatchObject({
      email: 'puskesmas@example.org',
      phone: '02518123456',
      active: true,
    })
  })

  it.each([
    ['an unknown kind', { kind: 'KLINIK' }, 'kind'],
    ['an unknown service', { services: ['JAMKESDA', 'SEMBAKO'] }, 'services.1'],
    ['no area', { areas: [] }, 'areas'],
    ['a malformed email', { email: 'bukan-email' }, 'email'],
  ])('refuses %s with its path', (_, change, path) => {
    const result = providerInputSchema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path)
  })

  it('a change names at least one field, and nothing unknown', () => {
    expect(providerPatchSchema.safeParse({}).success).toBe(false)
    expect(providerPatchSchema.safeParse({ active: false }).success).toBe(true)
    expect(providerPatchSchema.safeParse({ kabupaten: '18.71' }).success).toBe(false)
  })
})
