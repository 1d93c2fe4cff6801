/**
 * Pendampingan after a referral's result (issue 15 item 3, ADR 0032): the TKSK's visits
 * and sessions with the family once the service was reported. Recorded on the case as a
 * list; the audit entry names the kind and the dates, never the findings (free text
 * about the person, which the retention job removes from the case but could not remove
 * from the append-only audit table).
 */
import * as z from 'zod'
import type { CaseOutcome, CaseStatus } from '../catalog/case-statuses'
import { choice } from '../validation/choice'
import { isoDateSchema } from './intake-schema'

export const PENDAMPINGAN_KINDS = ['KUNJUNGAN_RUMAH', 'PENDAMPINGAN', 'BIMBINGAN_SOSIAL', 'MEDIASI'] as const
export type PendampinganKind = (typeof PENDAMPINGAN_KINDS)[number]

export const PENDAMPINGAN_KIND_LABELS: Readonly<Record<PendampinganKind, string>> = {
  KUNJUNGAN_RUMAH: 'Kunjungan rumah',
  PENDAMPINGAN: 'Pendampingan',
  BIMBINGAN_SOSIAL: 'Bimbingan sosial',
  MEDIASI: 'Mediasi',
}

/** `POST /api/cases/{caseId}/pendampingan` and the case page's form (strings: form posts send nothing else). */
export const pendampinganBodySchema = z
  .strictObject({
    date: isoDateSchema,
    kind: choice(PENDAMPINGAN_KINDS, 'jenis pendampingan'),
    findings: z
      .string({ error: 'Temuan wajib diisi.' })
      .trim()
      .min(5, 'Temuan minimal 5 karakter.')
      .max(2000, 'Temuan maksimal 2.000 karakter.'),
    // An empty form field means "no next visit planned", not a bad date.
    nextVisit: z.preprocess((value) => (value === '' ? undefined : value), isoDateSchema.optional()),
  })
  .superRefine((value, context) => {
    if (value.nextVisit !== undefined && value.nextVisit < value.date)
      context.addIssue({
        code: 'custom',
        path: ['nextVisit'],
        message: 'Kunjungan berikutnya tidak boleh sebelum tanggal pendampingan.',
      })
  })
export type PendampinganInput = z.infer<typeof pendampinganBodySchema>

export interface PendampinganEntry extends PendampinganInput {
  id: string
  /** The TKSK who recorded it. */
  by: { id: string; name: string }
  recordedAt: string
}

/**
 * Why pendampingan cannot be recorded on the case yet (or any more), or `undefined` when
 * it can: only after the result of an accepted referral (the workflow then closed the
 * case FULFILLED or NOT_FULFILLED; a withdrawal ended the work), also while a case
 * reopened for another service after such a result runs again (ADR 0037), and never on
 * an anonymised case (the person is no longer on record).
 */
export const pendampinganRefusal = (
  // The case's fields it reads, spelled out: case-record.ts imports this module's entry type.
  record: {
    status: CaseStatus
    outcome?: CaseOutcome
    referral?: { acceptedAt?: string } | null
    previousReferrals?: readonly unknown[]
    anonymisedAt?: string
  },
): string | undefined => {
  if (record.anonymisedAt) return 'Data kasus sudah dianonimkan; pendampingan tidak dapat dicatat.'
  const waiting = 'Pendampingan dicatat setelah lembaga melaporkan hasil rujukan.'
  if (record.status === 'CLOSED') {
    const served = record.outcome === 'FULFILLED' || record.outcome === 'NOT_FULFILLED'
    return served && record.referral?.acceptedAt !== undefined ? undefined : waiting
  }
  return (record.previousReferrals?.length ?? 0) > 0 ? undefined : waiting
}

/** The statuses a case with a result behind it can be in (the write's precondition beside the read's refusal). */
export const PENDAMPINGAN_STATUSES = ['REFERRAL', 'RECOMMENDATION', 'ASSESSMENT', 'CLOSED'] as const

/** A pendampingan dated after the TKSK's calendar day (`today`, the kecamatan's) has not happened yet. */
export const isFutureVisit = (input: Pick<PendampinganInput, 'date'>, today: string): boolean =>
  input.date > today
