/**
 * The monthly pengesahan deadline (issue 21 item 5, ADR 0035): by the pengesahan day of
 * the period's month (default the 25th, per kabupaten/kota, set by its admin) each
 * kecamatan's verval is uploaded, Dinsos has decided it, and the roll-up Berita Acara is
 * signed. What is late gets reminders, then an escalation, as tasks do: the TKSK is
 * reminded and Dinsos told at the day; Dinsos is reminded and its head told at the day.
 * Pure: the local date, the batches and the signatures come in as arguments.
 */
import * as z from 'zod'
import type { VervalProgram } from '../catalog/verval-programs'
import type { BatchStatus } from './batch-status'

export const DEFAULT_PENGESAHAN_DAY = 25

/** 1–28: every month has the day, so no period silently loses its deadline. */
export const pengesahanDaySchema = z
  .object({
    day: z
      .number({ message: 'Tanggal pengesahan berupa angka 1 sampai 28.' })
      .int({ message: 'Tanggal pengesahan berupa angka 1 sampai 28.' })
      .min(1, { message: 'Tanggal pengesahan berupa angka 1 sampai 28.' })
      .max(28, { message: 'Tanggal pengesahan berupa angka 1 sampai 28.' }),
  })
  .strict()

/** `YYYY-MM-DD` of the period's pengesahan day. */
export const pengesahanDate = (period: string, day: number): string =>
  `${period}-${String(day).padStart(2, '0')}`

/** What can be late, and who is told. */
export type LateKind = 'NOT_UPLOADED' | 'DESA_PARTS_MISSING' | 'AWAITING_APPROVAL' | 'NOT_SIGNED'

/** The kinds whose subject is a kecamatan, so its TKSK acts (and Dinsos hears at the day). */
export const isKecamatanKind = (kind: LateKind): boolean =>
  kind === 'NOT_UPLOADED' || kind === 'DESA_PARTS_MISSING'

export type Milestone = 'REMINDER-1' | 'REMINDER-2' | 'ESCALATE'

/** Calendar days before the pengesahan day: the first reminder, the second, then the escalation on the day. */
export const MILESTONE_OFFSETS: Readonly<Record<Milestone, number>> = {
  'REMINDER-1': 5,
  'REMINDER-2': 1,
  ESCALATE: 0,
}

const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/**
 * The latest milestone due on `today` (a local date) for a period whose deadline is
 * `deadline`: one message per run and kind, so a job that missed days sends the one that
 * counts now, not a backlog. Nothing before the first reminder or after the period's month.
 */
export const dueMilestone = (today: string, deadline: string): Milestone | undefined => {
  if (today.slice(0, 7) !== deadline.slice(0, 7)) return undefined
  const order: Milestone[] = ['ESCALATE', 'REMINDER-2', 'REMINDER-1']
  return order.find((milestone) => today >= addDays(deadline, -MILESTONE_OFFSETS[milestone]))
}

/** Batches that count as the kecamatan's upload for the period: on their way or approved. */
const UPLOADED: readonly BatchStatus[] = ['VALIDATING', 'AWAITING_APPROVAL', 'APPLYING', 'APPLIED']

export type KecamatanDeadlineState = 'UPLOADED_NONE' | 'AWAITING_APPROVAL' | 'APPROVED' | 'IN_PROGRESS'

/** A kecamatan's state against the deadline, from its batches of the period (every program). */
export const kecamatanState = (statuses: readonly BatchStatus[]): KecamatanDeadlineState => {
  const live = statuses.filter((status) => UPLOADED.includes(status))
  if (live.length === 0) return 'UPLOADED_NONE'
  if (live.includes('AWAITING_APPROVAL')) return 'AWAITING_APPROVAL'
  if (live.every((status) => status === 'APPLIED')) return 'APPROVED'
  return 'IN_PROGRESS'
}

export const KECAMATAN_STATE_LABELS: Readonly<Record<KecamatanDeadlineState, string>> = {
  UPLOADED_NONE: 'Belum mengunggah',
  AWAITING_APPROVAL: 'Menunggu persetujuan Dinsos',
  IN_PROGRESS: 'Sedang diproses',
  APPROVED: 'Disetujui',
}

/** A desa asked for its musdes part (ADR 0033) whose part has not arrived: names only, no row. */
export interface MissingDesaPart {
  program: VervalProgram
  desaCode: string
  desaName: string
}

/** The part of a desa as the deadline reads it (the overview's record, without rows). */
export interface DesaPartState {
  program: VervalProgram
  desaCode: string
  desaName: string
  status: 'REQUESTED' | 'RECEIVED'
}

/**
 * The desa parts a kecamatan still waits for: asked, not arrived, of a program the
 * kecamatan has not uploaded yet. Once its batch of the program is on its way (composed
 * without them), a part arriving late changes nothing, so it is no longer missing.
 */
export const missingDesaParts = (
  parts: readonly DesaPartState[],
  uploadedPrograms: readonly string[],
): MissingDesaPart[] =>
  parts
    .filter((part) => part.status === 'REQUESTED' && !uploadedPrograms.includes(part.program))
    .map(({ program, desaCode, desaName }) => ({ program, desaCode, desaName }))
    .sort((a, b) => a.desaName.localeCompare(b.desaName) || a.program.localeCompare(b.program))

/** The programs a kecamatan's batches count as uploaded for (on their way or approved). */
export const uploadedPrograms = (batches: readonly { program: string; status: BatchStatus }[]): string[] => [
  ...new Set(batches.filter((batch) => UPLOADED.includes(batch.status)).map((batch) => batch.program)),
]

export interface LateItem {
  kind: LateKind
  /** A kecamatan (NOT_UPLOADED, DESA_PARTS_MISSING), the kabupaten (AWAITING_APPROVAL) or a program (NOT_SIGNED). */
  subject: string
  /** How many are late (batches awaiting approval, desa parts missing). */
  count?: number
  /** DESA_PARTS_MISSING: which desa, by name and program (the mail lists them). */
  desaParts?: MissingDesaPart[]
}

/**
 * What is late in a kabupaten for the period: each kecamatan with a TKSK and no upload;
 * each kecamatan waiting for desa parts it asked for; batches awaiting approval; each program with approved batches whose roll-up Berita
 * Acara is not signed (or not issued).
 */
export const lateItems = (input: {
  kecamatanStates: Readonly<Record<string, KecamatanDeadlineState>>
  kabupaten: string
  awaitingApproval: number
  unsignedPrograms: readonly string[]
  /** Per kecamatan, the desa parts it still waits for (`missingDesaParts`). */
  missingDesaParts?: Readonly<Record<string, readonly MissingDesaPart[]>>
}): LateItem[] => [
  ...Object.entries(input.kecamatanStates)
    .filter(([, state]) => state === 'UPLOADED_NONE')
    .map(([kecamatan]): LateItem => ({ kind: 'NOT_UPLOADED', subject: kecamatan }))
    .sort((a, b) => a.subject.localeCompare(b.subject)),
  ...Object.entries(input.missingDesaParts ?? {})
    .filter(([, parts]) => parts.length > 0)
    .map(([kecamatan, parts]): LateItem => ({
      kind: 'DESA_PARTS_MISSING',
      subject: kecamatan,
      count: parts.length,
      desaParts: [...parts],
    }))
    .sort((a, b) => a.subject.localeCompare(b.subject)),
  ...(input.awaitingApproval > 0
    ? [{ kind: 'AWAITING_APPROVAL' as const, subject: input.kabupaten, count: input.awaitingApproval }]
    : []),
  ...[...input.unsignedPrograms]
    .sort()
    .map((program): LateItem => ({ kind: 'NOT_SIGNED', subject: program })),
]

/** Who is told: the party that must act, and at the escalation the one above them. */
export const recipientsOf = (kind: LateKind, milestone: Milestone): ('tksk' | 'dinsos' | 'dinsos_head')[] => {
  const kecamatan = isKecamatanKind(kind)
  if (milestone !== 'ESCALATE') return [kecamatan ? 'tksk' : 'dinsos']
  return kecamatan ? ['tksk', 'dinsos'] : ['dinsos', 'dinsos_head']
}

export interface PengesahanDay {
  kabupaten: string
  day: number
  /** `stored` once the admin set it (the job watches only those), `default` before. */
  source: 'stored' | 'default'
  version: number
}

export interface KabupatenDeadline {
  kabupaten: string
  period: string
  /** `YYYY-MM-DD` in the kabupaten's zone. */
  today: string
  deadline: string
  day: PengesahanDay
  /** `desaPartsMissing`: desa parts asked for and not arrived, of programs not uploaded yet. */
  kecamatan: { kecamatan: string; state: KecamatanDeadlineState; desaPartsMissing: number }[]
  awaitingApproval: number
  /** Programs with approved batches whose roll-up Berita Acara is not signed (or not issued). */
  unsignedPrograms: VervalProgram[]
  late: LateItem[]
}
