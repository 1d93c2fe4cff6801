/**
 * The services a case can be referred to, and the kind of provider that serves each
 * (DESIGN §6). The provider kind decides who gets the referral link: a health facility,
 * BPJS Kesehatan, the Dinsos rehabilitation division, or the applicant's own village.
 */
import * as z from 'zod'

export const SERVICE_CODES = [
  'SKTM',
  'KIS_PBI',
  'JAMKESDA',
  'PKH',
  'BPNT',
  'REHABILITASI_SOSIAL',
  'RUJUKAN_LAYANAN',
  'BANTUAN_BENCANA',
] as const

export type ServiceCode = (typeof SERVICE_CODES)[number]

export const serviceCodeSchema = z.enum(SERVICE_CODES)

export const PROVIDER_KINDS = [
  'HEALTH_FACILITY',
  'BPJS_KESEHATAN',
  'DINSOS_REHABILITATION',
  'VILLAGE_GOVERNMENT',
] as const

export type ProviderKind = (typeof PROVIDER_KINDS)[number]

export const providerKindSchema = z.enum(PROVIDER_KINDS)

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  HEALTH_FACILITY: 'Fasilitas Kesehatan (Puskesmas)',
  BPJS_KESEHATAN: 'BPJS Kesehatan',
  DINSOS_REHABILITATION: 'Bidang Rehabilitasi Sosial Dinas Sosial',
  VILLAGE_GOVERNMENT: 'Pemerintah Desa/Kelurahan Pemohon',
}

interface ServiceDefinition {
  label: string
  providerKind: ProviderKind
}

const SERVICE_DEFINITIONS: Readonly<Record<ServiceCode, ServiceDefinition>> = {
  SKTM: { label: 'Surat Keterangan Tidak Mampu (SKTM)', providerKind: 'VILLAGE_GOVERNMENT' },
  KIS_PBI: {
    label: 'Kartu Indonesia Sehat Penerima Bantuan Iuran (KIS PBI)',
    providerKind: 'BPJS_KESEHATAN',
  },
  JAMKESDA: { label: 'Jaminan Kesehatan Daerah (Jamkesda)', providerKind: 'HEALTH_FACILITY' },
  PKH: { label: 'Program Keluarga Harapan (PKH)', providerKind: 'DINSOS_REHABILITATION' },
  BPNT: { label: 'Bantuan Pangan Non Tunai (BPNT/Sembako)', providerKind: 'DINSOS_REHABILITATION' },
  REHABILITASI_SOSIAL: { label: 'Rehabilitasi Sosial', providerKind: 'DINSOS_REHABILITATION' },
  RUJUKAN_LAYANAN: { label: 'Rujukan Layanan Kesehatan', providerKind: 'HEALTH_FACILITY' },
  BANTUAN_BENCANA: { label: 'Bantuan Korban Bencana', providerKind: 'DINSOS_REHABILITATION' },
}

export const serviceLabel = (code: ServiceCode): string => SERVICE_DEFINITIONS[code].label

export const providerKindOf = (code: ServiceCode): ProviderKind => SERVICE_DEFINITIONS[code].providerKind

export interface Service extends ServiceDefinition {
  code: ServiceCode
}

/** In the shape of `GET /api/reference/categories` (`services`). */
export const SERVICES: readonly Service[] = SERVICE_CODES.map((code) => ({
  code,
  ...SERVICE_DEFINITIONS[code],
}))
