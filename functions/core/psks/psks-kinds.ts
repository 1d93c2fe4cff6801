/**
 * The kinds of Potensi dan Sumber Kesejahteraan Sosial (PSKS, Permensos 8/2012 and
 * 28/2018) a TKSK inventories in the kecamatan, with their Indonesian labels.
 */
import type { ProviderKind } from '../catalog/services'

export const PSKS_KINDS = [
  'PSM',
  'KARANG_TARUNA',
  'LKS',
  'WKSBM',
  'TAGANA',
  'PENDAMPING_PKH',
  'TKSK',
  'DUNIA_USAHA',
  'PEKERJA_SOSIAL',
  'PENYULUH_SOSIAL',
  'LK3',
  'FAKIR_MISKIN_LEMBAGA',
  'LAINNYA',
] as const
export type PsksKind = (typeof PSKS_KINDS)[number]

export const PSKS_KIND_LABELS: Readonly<Record<PsksKind, string>> = {
  PSM: 'Pekerja Sosial Masyarakat (PSM)',
  KARANG_TARUNA: 'Karang Taruna',
  LKS: 'Lembaga Kesejahteraan Sosial (LKS)',
  WKSBM: 'Wahana Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)',
  TAGANA: 'Taruna Siaga Bencana (Tagana)',
  PENDAMPING_PKH: 'Pendamping PKH',
  TKSK: 'Tenaga Kesejahteraan Sosial Kecamatan (TKSK)',
  DUNIA_USAHA: 'Dunia usaha yang melakukan usaha kesejahteraan sosial',
  PEKERJA_SOSIAL: 'Pekerja sosial profesional',
  PENYULUH_SOSIAL: 'Penyuluh sosial',
  LK3: 'Lembaga Konsultasi Kesejahteraan Keluarga (LK3)',
  FAKIR_MISKIN_LEMBAGA: 'Keluarga pioner/lembaga penanganan fakir miskin',
  LAINNYA: 'PSKS lainnya',
}

/** The directory's kind of a PSKS offered as a provider (ADR 0031): the three it names, else LAINNYA. */
export const providerKindOf = (kind: PsksKind): ProviderKind =>
  kind === 'PSM' || kind === 'KARANG_TARUNA' || kind === 'LKS' ? kind : 'LAINNYA'
