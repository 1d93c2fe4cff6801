/**
 * The TKSK's verification of a bansos case (ADR 0036): what was found, and one of three
 * outcomes: resolved on the spot, forwarded (Dinsos, the bank penyalur, the pendamping
 * PKH) with an email, or turned into a draft verval row the TKSK confirms in the
 * kecamatan's next batch.
 */
import * as z from 'zod'
import { AKSI, ALASAN_HAPUS } from '../verval/columns'
import { choice } from '../validation/choice'

export const VERIFICATION_OUTCOMES = ['RESOLVED', 'FORWARDED', 'VERVAL_DRAFT'] as const
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number]

export const VERIFICATION_OUTCOME_LABELS: Readonly<Record<VerificationOutcome, string>> = {
  RESOLVED: 'Diselesaikan',
  FORWARDED: 'Diteruskan',
  VERVAL_DRAFT: 'Diusulkan dalam verval bulan berikutnya',
}

export const FORWARD_TARGETS = ['DINSOS', 'BANK_PENYALUR', 'PENDAMPING_PKH'] as const
export type ForwardTarget = (typeof FORWARD_TARGETS)[number]

export const FORWARD_TARGET_LABELS: Readonly<Record<ForwardTarget, string>> = {
  DINSOS: 'Dinas Sosial',
  BANK_PENYALUR: 'Bank penyalur',
  PENDAMPING_PKH: 'Pendamping PKH',
}

/** A draft row changes the registry: TETAP is what "no change" already means. */
export const DRAFT_ACTIONS = AKSI.filter((a) => a !== 'TETAP') as ['BARU', 'UBAH', 'HAPUS']
export type DraftAction = (typeof DRAFT_ACTIONS)[number]

const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

export const verificationDecisionSchema = z
  .strictObject({
    outcome: choice(VERIFICATION_OUTCOMES, 'tindak lanjut'),
    findings: z
      .string({ error: 'Hasil verifikasi wajib diisi.' })
      .trim()
      .min(5, 'Hasil verifikasi minimal 5 karakter.')
      .max(2000, 'Hasil verifikasi maksimal 2.000 karakter.'),
    forwardTo: optional(choice(FORWARD_TARGETS, 'tujuan penerusan')),
    /** The bank's or pendamping's address; Dinsos is the kabupaten's own. */
    forwardEmail: optional(z.email('Alamat email tidak valid.').max(254)),
    vervalAction: optional(choice(DRAFT_ACTIONS, 'aksi verval')),
    vervalReason: optional(z.string().trim().max(200, 'Alasan maksimal 200 karakter.')),
  })
  .superRefine((value, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message })
    if (value.outcome === 'FORWARDED') {
      if (!value.forwardTo) issue('forwardTo', 'Pilih tujuan penerusan.')
      else if (value.forwardTo !== 'DINSOS' && !value.forwardEmail)
        issue('forwardEmail', 'Isi alamat email bank penyalur atau pendamping PKH.')
    }
    if (value.outcome === 'VERVAL_DRAFT') {
      if (!value.vervalAction) issue('vervalAction', 'Pilih aksi verval: BARU, UBAH atau HAPUS.')
      if (value.vervalAction === 'HAPUS' && !ALASAN_HAPUS.some((a) => a === value.vervalReason))
        issue('vervalReason', `Alasan HAPUS harus salah satu dari: ${ALASAN_HAPUS.join(', ')}.`)
      if (value.vervalAction === 'UBAH' && !value.vervalReason)
        issue('vervalReason', 'Tuliskan data apa yang diubah.')
    }
  })

export type VerificationDecision = z.output<typeof verificationDecisionSchema>

/** What the case keeps of the verification, and what the filer's status shows of it (outcome, target). */
export interface BansosResolution {
  outcome: VerificationOutcome
  forwardTo?: ForwardTarget
  vervalAction?: DraftAction
  /**
   * The period of the draft verval row written with a VERVAL_DRAFT outcome (its key):
   * the retention job deletes that row with the case's data. Absent before it was kept.
   */
  vervalPeriod?: string
  /** The TKSK's findings, masked; staff only (never the status answer nor the audit). */
  findings: string
  by: string
  at: string
}
