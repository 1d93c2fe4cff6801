/**
 * The providers of DESIGN §6 as directory entries, loaded through the same use case as
 * the admin pages (`createProvider`). "Pemerintah Desa of the applicant" is one entry per
 * desa/kelurahan serving SKTM there, for the kecamatan that have a seeded TKSK: a case
 * from any other desa waits on Dinsos's "Pilih penyedia", as it would in a real office
 * that has not imported its villages yet.
 */
import { compactCode } from '../../../functions/core/areas/area-code'
import type { AreaIndex } from '../../../functions/core/areas/area-index'
import { SERVICE_CODES } from '../../../functions/core/catalog/services'
import type { ProviderInput } from '../../../functions/core/providers/provider-schema'

export interface SeedProvider {
  providerId: string
  input: Omit<ProviderInput, 'active'>
}

export const seedProviders: readonly SeedProvider[] = [
  {
    providerId: 'puskesmas-leuwiliang',
    input: {
      name: 'Puskesmas Leuwiliang',
      kind: 'PUSKESMAS',
      areas: ['32.01'],
      services: ['JAMKESDA', 'RUJUKAN_LAYANAN'],
      email: 'puskesmas.leuwiliang@dinkes.bogorkab.local',
    },
  },
  // Not in DESIGN §6: a second health provider so that a declined health referral can be re-referred locally.
  {
    providerId: 'rsud-leuwiliang',
    input: {
      name: 'RSUD Leuwiliang',
      kind: 'RSUD',
      areas: ['32.01'],
      services: ['JAMKESDA', 'RUJUKAN_LAYANAN'],
      email: 'rsud.leuwiliang@dinkes.bogorkab.local',
    },
  },
  {
    providerId: 'bpjs-bogor',
    input: {
      name: 'BPJS Kesehatan Cabang Bogor',
      kind: 'BPJS_KESEHATAN',
      areas: ['32.01'],
      services: ['KIS_PBI'],
      email: 'kis@bpjs-bogor.local',
    },
  },
  {
    providerId: 'rehsos-bogor',
    input: {
      name: 'Bidang Rehabilitasi Sosial Dinsos Kab. Bogor',
      kind: 'DINSOS_BIDANG',
      areas: ['32.01'],
      services: ['REHABILITASI_SOSIAL', 'PKH', 'BPNT', 'BANTUAN_BENCANA'],
      email: 'rehsos.bidang@dinsos.bogorkab.local',
    },
  },
  {
    providerId: 'dinsos-bandarlampung',
    input: {
      name: 'Dinas Sosial Kota Bandar Lampung',
      kind: 'DINSOS_BIDANG',
      areas: ['18.71'],
      services: [...SERVICE_CODES],
      email: 'layanan@dinsos.bandarlampungkota.local',
    },
  },
]

/** Kecamatan whose desa get their own SKTM entry in the seed (those of the seeded TKSK). */
export const VILLAGE_SKTM_KECAMATAN = ['32.01.14', '32.01.15']

/** Kemendagri numbers kelurahan 1001–1999 and desa from 2001. */
const isKelurahan = (villageCode: string): boolean => villageCode.split('.')[3]?.startsWith('1') ?? false

export const seedVillageProviders = (areas: AreaIndex): SeedProvider[] =>
  VILLAGE_SKTM_KECAMATAN.flatMap((kecamatan) =>
    areas.children(kecamatan).map((village) => ({
      providerId: `desa-${compactCode(village.code)}`,
      input: {
        name: `${isKelurahan(village.code) ? 'Kelurahan' : 'Pemerintah Desa'} ${village.name}`,
        kind: 'PEMERINTAH_DESA' as const,
        areas: [village.code],
        services: ['SKTM' as const],
        email: `desa.${compactCode(village.code)}@desa.bogorkab.local`,
      },
    })),
  )
