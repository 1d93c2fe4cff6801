/** The providers of DESIGN §6 (no login; they act through links). The applicant's own village is added per case. */
import type { Provider } from '../../../functions/data/provider-repository'
import { SERVICE_CODES } from '../../../functions/core/catalog/services'

export const seedProviders: readonly Provider[] = [
  {
    providerId: 'puskesmas-leuwiliang',
    name: 'Puskesmas Leuwiliang',
    area: '32.01',
    services: ['JAMKESDA', 'RUJUKAN_LAYANAN'],
    email: 'puskesmas.leuwiliang@dinkes.bogorkab.local',
  },
  // Not in DESIGN §6: a second health provider so that a declined health referral can be re-referred locally.
  {
    providerId: 'rsud-leuwiliang',
    name: 'RSUD Leuwiliang',
    area: '32.01',
    services: ['JAMKESDA', 'RUJUKAN_LAYANAN'],
    email: 'rsud.leuwiliang@dinkes.bogorkab.local',
  },
  {
    providerId: 'bpjs-bogor',
    name: 'BPJS Kesehatan Cabang Bogor',
    area: '32.01',
    services: ['KIS_PBI'],
    email: 'kis@bpjs-bogor.local',
  },
  {
    providerId: 'rehsos-bogor',
    name: 'Bidang Rehabilitasi Sosial Dinsos Kab. Bogor',
    area: '32.01',
    services: ['REHABILITASI_SOSIAL', 'PKH', 'BPNT', 'BANTUAN_BENCANA'],
    email: 'rehsos.bidang@dinsos.bogorkab.local',
  },
  {
    providerId: 'dinsos-bandarlampung',
    name: 'Dinas Sosial Kota Bandar Lampung',
    area: '18.71',
    services: [...SERVICE_CODES],
    email: 'layanan@dinsos.bandarlampungkota.local',
  },
]
