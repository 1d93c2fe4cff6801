import { describe, expect, it } from 'vitest'
import { createIntakeSchema } from '../../../../functions/core/case/intake-schema'
import { createAreaIndex } from '../../../../functions/core/areas/area-index'

const areas = createAreaIndex([
  { code: '32', name: 'JAWA BARAT' },
  { code: '32.01', name: 'KABUPATEN BOGOR', parentCode: '32' },
  { code: '32.01.14', name: 'Leuwiliang', parentCode: '32.01' },
  { code: '32.01.14.2001', name: 'Purasari', parentCode: '32.01.14' },
])
const NOW = new Date('2026-12-06T04:00:00Z')
const schema = createIntakeSchema(areas, NOW)

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

  it('refuses a birth date two years in the future, even when the NIK encodes it', () => {
    const future = { ...valid.applicant, nik: '3201144507280001', birthDate: '2028-07-05' }
    const result = schema.safeParse({ ...valid, applicant: future })
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['applicant.birthDate', 'Tanggal lahir tidak boleh di masa depan.'],
    ])
  })

  it('refuses a birth date more than 120 years back', () => {
    const ancient = { ...valid.applicant, nik: '3201144507060001', birthDate: '1906-07-05' }
    expect(pathsOf({ ...valid, applicant: ancient })).toEqual(['applicant.birthDate'])
  })

  it('accepts a child born today in Papua while it is still yesterday in UTC', () => {
    // 2026-12-06T20:00Z is already 7 December in WIT (UTC+9).
    const atNight = createIntakeSchema(areas, new Date('2026-12-06T20:00:00Z'))
    const newborn = { ...valid.applicant, nik: '3201144712260001', birthDate: '2026-12-07' }
    expect(atNight.safeParse({ ...valid, applicant: newborn }).success).toBe(true)
  })

  it('serves one schema through a day and a new one once the next day has begun in Papua', () => {
    const morning = createIntakeSchema(areas, new Date('2026-12-06T01:00:00Z'))
    const evening = createIntakeSchema(areas, new Date('2026-12-06T14:59:59Z'))
    const nextDay = createIntakeSchema(areas, new Date('2026-12-06T15:00:00Z'))
    expect(evening).toBe(morning)
    // Born 7 December: still in the future at 23:59:59 WIT on the 6th, today from midnight WIT.
    const newborn = {
      ...valid,
      applicant: { ...valid.applicant, nik: '3201144712260001', birthDate: '2026-12-07' },
    }
    expect(evening.safeParse(newborn).success).toBe(false)
    expect(nextDay.safeParse(newborn).success).toBe(true)
  })

  it('accepts a NIK of a kecamatan of Jawa Barat missing from today’s list (checked for the TKSK instead)', () => {
    expect(pathsOf({ ...valid, applicant: { ...valid.applicant, nik: '3201994507800001' } })).toEqual([])
  })

  it('requires consent to be exactly true', () => {
    expect(pathsOf({ ...valid, consent: 'true' })).toEqual(['consent'])
  })
})
