import { describe, expect, it } from 'vitest'
import { createIntakeSchema } from '../../../../functions/core/case/intake-schema'
import { createAreaIndex } from '../../../../functions/core/areas/area-index'

const areas = createAreaIndex([
  { code: '32', name: 'JAWA BARAT' },
  { code: '32.01', name: 'KABUPATEN BOGOR', parentCode: '32' },
  { code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' },
  { code: '32.01.14.2001', name: 'Purasari', parentCode: '32.01.14' },
])
const schema = createIntakeSchema(areas)

const valid = {
  applicant: {
    nik: '3201144507800001',
    kk: '3201140101100001',
    name: 'Siti Aminah',
    birthDate: '1980-07-05',
    address: 'Kp. Cibeber',
    villageCode: '32.01.14.2001',
  },
  category: 'FAKIR_MISKIN',
  service: 'SKTM',
  consent: true,
}

const pathsOf = (value: unknown) => {
  const result = schema.safeParse(value)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

describe('the intake schema', () => {
  it('accepts a complete request without the optional phone, email and description, and blank ones from a form', () => {
    expect(pathsOf(valid)).toEqual([])
    expect(
      pathsOf({ ...valid, description: '', applicant: { ...valid.applicant, phone: '', email: '' } }),
    ).toEqual([])
  })

  it('accepts a woman’s NIK whose day is the birth day plus 40', () => {
    expect(schema.parse(valid).applicant.nik).toBe('3201144507800001')
  })

  it('refuses a NIK whose date is not the applicant’s birth date', () => {
    expect(pathsOf({ ...valid, applicant: { ...valid.applicant, birthDate: '1980-07-06' } })).toEqual([
      'applicant.nik',
    ])
  })

  it('refuses a village outside the known areas', () => {
    expect(pathsOf({ ...valid, applicant: { ...valid.applicant, villageCode: '32.01.14.2999' } })).toEqual([
      'applicant.villageCode',
    ])
  })

  it('requires consent to be exactly true', () => {
    expect(pathsOf({ ...valid, consent: 'true' })).toEqual(['consent'])
  })
})
