/**
 * The kegiatan a TKSK logs (issue 16 item 4, Permensos 28/2018: koordinasi, fasilitasi,
 * administrasi) and, for a koordinasi, with whom; Indonesian labels for the pages.
 */
export const ACTIVITY_KINDS = [
  'KUNJUNGAN',
  'PENDAMPINGAN',
  'BIMBINGAN_SOSIAL',
  'SOSIALISASI',
  'KOORDINASI',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export const ACTIVITY_KIND_LABELS: Readonly<Record<ActivityKind, string>> = {
  KUNJUNGAN: 'Kunjungan',
  PENDAMPINGAN: 'Pendampingan',
  BIMBINGAN_SOSIAL: 'Bimbingan sosial',
  SOSIALISASI: 'Sosialisasi',
  KOORDINASI: 'Koordinasi/rakor',
}

/** Who a koordinasi/rakor was held with. */
export const COORDINATION_PARTNERS = [
  'PSM',
  'KARANG_TARUNA',
  'PPKH',
  'PERANGKAT_KECAMATAN',
  'PERANGKAT_DESA',
  'LAINNYA',
] as const
export type CoordinationPartner = (typeof COORDINATION_PARTNERS)[number]

export const COORDINATION_PARTNER_LABELS: Readonly<Record<CoordinationPartner, string>> = {
  PSM: 'PSM',
  KARANG_TARUNA: 'Karang Taruna',
  PPKH: 'Pendamping PKH (PPKH)',
  PERANGKAT_KECAMATAN: 'Perangkat kecamatan',
  PERANGKAT_DESA: 'Perangkat desa',
  LAINNYA: 'Lainnya',
}
