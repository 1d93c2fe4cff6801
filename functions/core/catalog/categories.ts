/**
 * The 26 PPKS (Pemerlu Pelayanan Kesejahteraan Sosial) categories of Permensos 08/2012,
 * with the labels staff and residents know them by. The tuple is the single source of
 * the codes: the zod enum, the label table and the reference endpoint all derive from it.
 */
import * as z from 'zod'

export const CATEGORY_CODES = [
  'ANAK_BALITA_TERLANTAR',
  'ANAK_TERLANTAR',
  'ANAK_BERHADAPAN_HUKUM',
  'ANAK_JALANAN',
  'ANAK_DISABILITAS',
  'ANAK_KORBAN_KEKERASAN',
  'ANAK_PERLINDUNGAN_KHUSUS',
  'LANSIA_TERLANTAR',
  'PENYANDANG_DISABILITAS',
  'TUNA_SUSILA',
  'GELANDANGAN',
  'PENGEMIS',
  'PEMULUNG',
  'KELOMPOK_MINORITAS',
  'BEKAS_WARGA_BINAAN',
  'ODHA',
  'KORBAN_NAPZA',
  'KORBAN_TRAFFICKING',
  'KORBAN_KEKERASAN',
  'PEKERJA_MIGRAN_BERMASALAH',
  'KORBAN_BENCANA_ALAM',
  'KORBAN_BENCANA_SOSIAL',
  'PEREMPUAN_RAWAN_SOSIAL_EKONOMI',
  'FAKIR_MISKIN',
  'KELUARGA_BERMASALAH_SOSIAL_PSIKOLOGIS',
  'KOMUNITAS_ADAT_TERPENCIL',
] as const

export type CategoryCode = (typeof CATEGORY_CODES)[number]

export const categoryCodeSchema = z.enum(CATEGORY_CODES)

export const CATEGORY_LABELS: Readonly<Record<CategoryCode, string>> = {
  ANAK_BALITA_TERLANTAR: 'Anak Balita Terlantar',
  ANAK_TERLANTAR: 'Anak Terlantar',
  ANAK_BERHADAPAN_HUKUM: 'Anak yang Berhadapan dengan Hukum (ABH)',
  ANAK_JALANAN: 'Anak Jalanan',
  ANAK_DISABILITAS: 'Anak dengan Kedisabilitasan (ADK)',
  ANAK_KORBAN_KEKERASAN: 'Anak yang Menjadi Korban Tindak Kekerasan atau Diperlakukan Salah',
  ANAK_PERLINDUNGAN_KHUSUS: 'Anak yang Memerlukan Perlindungan Khusus',
  LANSIA_TERLANTAR: 'Lanjut Usia Terlantar',
  PENYANDANG_DISABILITAS: 'Penyandang Disabilitas',
  TUNA_SUSILA: 'Tuna Susila',
  GELANDANGAN: 'Gelandangan',
  PENGEMIS: 'Pengemis',
  PEMULUNG: 'Pemulung',
  KELOMPOK_MINORITAS: 'Kelompok Minoritas',
  BEKAS_WARGA_BINAAN: 'Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)',
  ODHA: 'Orang dengan HIV/AIDS (ODHA)',
  KORBAN_NAPZA: 'Korban Penyalahgunaan NAPZA',
  KORBAN_TRAFFICKING: 'Korban Perdagangan Orang (Trafficking)',
  KORBAN_KEKERASAN: 'Korban Tindak Kekerasan',
  PEKERJA_MIGRAN_BERMASALAH: 'Pekerja Migran Bermasalah Sosial (PMBS)',
  KORBAN_BENCANA_ALAM: 'Korban Bencana Alam',
  KORBAN_BENCANA_SOSIAL: 'Korban Bencana Sosial',
  PEREMPUAN_RAWAN_SOSIAL_EKONOMI: 'Perempuan Rawan Sosial Ekonomi (PRSE)',
  FAKIR_MISKIN: 'Fakir Miskin',
  KELUARGA_BERMASALAH_SOSIAL_PSIKOLOGIS: 'Keluarga Bermasalah Sosial Psikologis (KBSP)',
  KOMUNITAS_ADAT_TERPENCIL: 'Komunitas Adat Terpencil (KAT)',
}

// Categories whose mere mention can harm the person (children, health status, victims,
// sex work): every staff read is audited and emails never name them (DESIGN §1).
const SENSITIVE_OUTSIDE_ANAK: ReadonlySet<CategoryCode> = new Set([
  'ODHA',
  'KORBAN_NAPZA',
  'KORBAN_TRAFFICKING',
  'KORBAN_KEKERASAN',
  'TUNA_SUSILA',
])

export const isSensitiveCategory = (code: CategoryCode): boolean =>
  code.startsWith('ANAK_') || SENSITIVE_OUTSIDE_ANAK.has(code)

export interface Category {
  code: CategoryCode
  label: string
  sensitive: boolean
}

/** In the shape of `GET /api/reference/categories`, in the Permensos order. */
export const CATEGORIES: readonly Category[] = CATEGORY_CODES.map((code) => ({
  code,
  label: CATEGORY_LABELS[code],
  sensitive: isSensitiveCategory(code),
}))
