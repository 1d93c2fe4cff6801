import { describe, expect, it } from 'vitest'
import {
  PROVIDER_KIND_LABELS,
  PROVIDER_KINDS,
  providerKindOf,
  SERVICE_CODES,
  SERVICES,
  serviceCodeSchema,
  serviceLabel,
} from '../../../../functions/core/catalog/services'

describe('services', () => {
  it('are the 8 services of the design, in the reference endpoint shape', () => {
    expect(SERVICE_CODES).toHaveLength(8)
    expect(SERVICES.map((service) => service.code)).toEqual([...SERVICE_CODES])
    expect(SERVICES[0]).toEqual({
      code: 'SKTM',
      label: 'Surat Keterangan Tidak Mampu (SKTM)',
      providerKind: 'PEMERINTAH_DESA',
    })
  })

  it.each([
    ['SKTM', 'PEMERINTAH_DESA'],
    ['KIS_PBI', 'BPJS_KESEHATAN'],
    ['JAMKESDA', 'PUSKESMAS'],
    ['RUJUKAN_LAYANAN', 'PUSKESMAS'],
    ['PKH', 'DINSOS_BIDANG'],
    ['BPNT', 'DINSOS_BIDANG'],
    ['REHABILITASI_SOSIAL', 'DINSOS_BIDANG'],
    ['BANTUAN_BENCANA', 'DINSOS_BIDANG'],
  ] as const)('%s is referred to a %s', (service, kind) => {
    expect(providerKindOf(service)).toBe(kind)
  })

  it('the provider kinds are the ten of the directory (DESIGN §4)', () => {
    expect(PROVIDER_KINDS).toEqual([
      'PUSKESMAS',
      'RSUD',
      'BPJS_KESEHATAN',
      'PEMERINTAH_DESA',
      'DINSOS_BIDANG',
      'DISDUKCAPIL',
      'LKS',
      'KARANG_TARUNA',
      'PSM',
      'LAINNYA',
    ])
  })

  it('every service and provider kind has an Indonesian label', () => {
    for (const code of SERVICE_CODES) expect(serviceLabel(code)).toMatch(/\S/)
    for (const kind of PROVIDER_KINDS) expect(PROVIDER_KIND_LABELS[kind]).toMatch(/\S/)
  })

  it('the schema accepts exactly the listed codes', () => {
    expect(serviceCodeSchema.options).toEqual([...SERVICE_CODES])
    expect(serviceCodeSchema.safeParse('PBI').success).toBe(false)
  })
})
