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
      providerKind: 'VILLAGE_GOVERNMENT',
    })
  })

  it.each([
    ['SKTM', 'VILLAGE_GOVERNMENT'],
    ['KIS_PBI', 'BPJS_KESEHATAN'],
    ['JAMKESDA', 'HEALTH_FACILITY'],
    ['RUJUKAN_LAYANAN', 'HEALTH_FACILITY'],
    ['PKH', 'DINSOS_REHABILITATION'],
    ['BPNT', 'DINSOS_REHABILITATION'],
    ['REHABILITASI_SOSIAL', 'DINSOS_REHABILITATION'],
    ['BANTUAN_BENCANA', 'DINSOS_REHABILITATION'],
  ] as const)('%s is referred to a %s', (service, kind) => {
    expect(providerKindOf(service)).toBe(kind)
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
