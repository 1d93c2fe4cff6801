/**
 * The services a case can be referred to, the provider kinds of the directory (DESIGN §4
 * `/api/admin/providers`), and the kind that usually serves each service. Who gets a
 * referral is decided by the provider directory alone (core/providers/provider-routing.ts);
 * the usual kind only labels the service in `GET /api/reference/categories`.
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
] as const

export type ProviderKind = (typeof PROVIDER_KINDS)[number]

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  PUSKESMAS: 'Puskesmas',
  RSUD: 'Rumah Sakit Umum Daerah (RSUD)',
  BPJS_KESEHATAN: 'BPJS Kesehatan',
  PEMERINTAH_DESA: 'Pemerintah Desa/Kelurahan',
  DINSOS_BIDANG: 'Bidang pada Dinas Sosial',
  DISDUKCAPIL: 'Dinas Kependudukan dan Pencatatan Sipil',
  LKS: 'Lembaga Kesejahteraan Sosial (LKS)',
  KARANG_TARUNA: 'Karang Taruna',
  PSM: 'Pekerja Sosial Masyarakat (PSM)',
  LAINNYA: 'Lainnya',
}

interface ServiceDefinition {
  label: string
  providerKind: ProviderKind
}

const SERVICE_DEFINITIONS: Readonly<Record<ServiceCode, ServiceDefinition>> = {
  SKTM: { label: 'Surat Keterangan Tidak Mampu (SKTM)', providerKind: 'PEMERINTAH_DESA' },
  KIS_PBI: {
    label: 'Kartu Indonesia Sehat Penerima Bantuan Iuran (KIS PBI)',
    providerKind: 'BPJS_KESEHATAN',
  },
  JAMKESDA: { label: 'Jaminan Kesehatan Daerah (Jamkesda)', providerKind: 'PUSKESMAS' },
  PKH: { label: 'Program Keluarga Harapan (PKH)', providerKind: 'DINSOS_BIDANG' },
  BPNT: { label: 'Bantuan Pangan Non Tunai (BPNT/Sembako)', providerKind: 'DINSOS_BIDANG' },
  REHABILITASI_SOSIAL: { label: 'Rehabilitasi Sosial', providerKind: 'DINSOS_BIDANG' },
  RUJUKAN_LAYANAN: { label: 'Rujukan Layanan Kesehatan', providerKind: 'PUSKESMAS' },
  BANTUAN_BENCANA: { label: 'Bantuan Korban Bencana', providerKind: 'DINSOS_BIDANG' },
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
