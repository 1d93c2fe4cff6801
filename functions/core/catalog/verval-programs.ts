/**
 * The programs whose beneficiary registry (KPM) the monthly verval updates.
 */
import { choice } from '../validation/choice'

export const VERVAL_PROGRAMS = ['BPNT', 'PKH', 'PBI'] as const

export type VervalProgram = (typeof VERVAL_PROGRAMS)[number]

export const vervalProgramSchema = choice(
  VERVAL_PROGRAMS,
  'program',
  'Program tidak dikenal (BPNT, PKH atau PBI).',
)

export const VERVAL_PROGRAM_LABELS: Readonly<Record<VervalProgram, string>> = {
  BPNT: 'Bantuan Pangan Non Tunai (BPNT/Sembako)',
  PKH: 'Program Keluarga Harapan (PKH)',
  PBI: 'Penerima Bantuan Iuran Jaminan Kesehatan (PBI-JK)',
}

// BPNT and PKH are paid through the Kartu Keluarga Sejahtera, so its number is part of
// the row; PBI members are insured, not paid, and have no KKS (DESIGN §1).
export const requiresKks = (program: VervalProgram): boolean => program === 'BPNT' || program === 'PKH'
