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
  ...overrides,
})
