import type { ChainColumn } from '../../../../functions/core/verval/columns'
import type { RowContext } from '../../../../functions/core/verval/row-rules'
import type { VervalRow } from '../../../../functions/core/verval/verval-row'

export const LEUWILIANG = '32.01.14'
const VILLAGES = ['32.01.14.2001', '32.01.14.2002', '32.01.15.2001']

export const context = (overrides: Partial<RowContext> = {}): RowContext => ({
  kecamatan: LEUWILIANG,
  program: 'BPNT',
  isProvince: (code) => ['32', '18'].includes(code),
  isKecamatan: (code) => ['32.01.14', '32.01.15', '18.71.04'].includes(code),
  isVillage: (code) => VILLAGES.includes(code),
  ...overrides,
})

/** The chain's columns (ADR 0034) left blank, as every row of a base-template file has them. */
export const BLANK_CHAIN: Readonly<Record<ChainColumn, string>> = {
  id_dtsen_keluarga: '',
  id_dtsen_pengurus: '',
  no_peserta_pkh: '',
  status_pkh: '',
  tempat_lahir: '',
  no_rekening: '',
  nama_ibu_kandung: '',
}

export const row = (overrides: Partial<VervalRow> = {}): VervalRow => ({
  line: 2,
  nik: '3201144507800001',
  no_kk: '3201140101100001',
  nama: 'Siti Aminah',
  alamat: 'Kp. Cibeber RT 02/03',
  kode_desa: '32.01.14.2001',
  aksi: 'BARU',
  alasan: '',
  no_kks: '1234567890123456',
  ...BLANK_CHAIN,
  ...overrides,
})
