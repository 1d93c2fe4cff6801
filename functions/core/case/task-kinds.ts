/**
 * The human steps of a case (DESIGN §3) and the fields each one's form and
 * `POST /api/tasks/{taskId}/complete` accept (DESIGN §4 "Task fields"). One schema per
 * kind, shared by the link page, the staff API and the OpenAPI document. Form posts
 * send strings, so booleans and numbers are read from their text too.
 */
import * as z from 'zod'
import { SERVICE_CODES } from '../catalog/services'
import { isoDateSchema } from './intake-schema'
import { verificationDecisionSchema } from '../bansos/verification'
import { choice } from '../validation/choice'

export const TASK_KINDS = [
  'ASSESSMENT',
  'ASSESSMENT_ESCALATION',
  'APPROVAL',
  'PROVIDER_CHOICE',
  'REFERRAL_RESPONSE',
  'REREFERRAL',
  'REFERRAL_RESULT',
  // Beside the assessment, for a person without NIK (issue 15, ADR 0027): not awaited by the workflow.
  'ADMINDUK_REFERRAL',
  // The TKSK's verification of a complaint, proposal or objection (issue 15 item 4, ADR 0036).
  'BANSOS_VERIFICATION',
  // After a referral's result, the TKSK closes the case or asks for another service (issue 15, ADR 0037).
  'FOLLOW_UP',
] as const
export type TaskKind = (typeof TASK_KINDS)[number]

const reason = z.string().trim().max(1000, 'Alasan maksimal 1.000 karakter.')
const notes = z.string().trim().max(2000, 'Catatan maksimal 2.000 karakter.')
const formBoolean = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean({ error: 'Pilih ya atau tidak.' }),
)
/** Absent (the pages drop blank fields) and blank say the same. */
const requiredNotes = (message: string) =>
  z.string({ error: message }).trim().min(1, message).max(2000, 'Catatan maksimal 2.000 karakter.')

export const assessmentDecisionSchema = z.strictObject({
  visitDate: isoDateSchema,
  findings: requiredNotes('Temuan kunjungan wajib diisi.'),
  eligible: formBoolean,
  service: choice(SERVICE_CODES, 'layanan'),
  notes: notes.optional(),
})

export const escalationDecisionSchema = z
  .strictObject({
    action: choice(['REASSIGN', 'EXTEND'], 'tindakan'),
    assignee: z.string().trim().min(1).max(100).optional(),
    days: z.coerce.number().int('Jumlah hari harus bilangan bulat.').min(1).max(30).optional(),
  })
  .superRefine((value, context) => {
    if (value.action === 'REASSIGN' && !value.assignee)
      context.addIssue({ code: 'custom', path: ['assignee'], message: 'Pilih TKSK pengganti.' })
    if (value.action === 'EXTEND' && value.days === undefined)
      context.addIssue({ code: 'custom', path: ['days'], message: 'Isi jumlah hari kerja perpanjangan.' })
  })

const withReasonUnless = <T extends string>(
  field: string,
  what: string,
  values: readonly [T, ...T[]],
  freeOf: T,
) =>
  z
    .strictObject({
      [field]: choice(values, what),
      reason: reason.optional(),
    })
    .superRefine((value, context) => {
      if (value[field] !== freeOf && !value.reason)
        context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan wajib diisi.' })
    })

export const approvalDecisionSchema = z
  .strictObject({
    decision: choice(['APPROVE', 'REJECT', 'REVISE'], 'keputusan'),
    reason: reason.optional(),
  })
  .superRefine((value, context) => {
    if (value.decision !== 'APPROVE' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan wajib diisi.' })
  })

export const referralResponseSchema = withReasonUnless(
  'response',
  'tanggapan',
  ['ACCEPT', 'DECLINE'],
  'ACCEPT',
)

export const rereferralDecisionSchema = z
  .strictObject({
    action: choice(['REREFER', 'CLOSE'], 'tindakan'),
    providerId: z.string().trim().min(1).max(100).optional(),
    reason: reason.optional(),
  })
  .superRefine((value, context) => {
    if (value.action === 'REREFER' && !value.providerId)
      context.addIssue({ code: 'custom', path: ['providerId'], message: 'Pilih lembaga rujukan.' })
    if (value.action === 'CLOSE' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan wajib diisi.' })
  })

/**
 * "Pilih penyedia" (issue 13): no active provider of the directory serves the service in
 * the applicant's area, so Dinsos chooses one for this case, or closes it with a reason.
 */
export const providerChoiceSchema = z
  .strictObject({
    action: choice(['CHOOSE', 'CLOSE'], 'tindakan'),
    providerId: z.string().trim().min(1).max(100).optional(),
    reason: reason.optional(),
  })
  .superRefine((value, context) => {
    if (value.action === 'CHOOSE' && !value.providerId)
      context.addIssue({ code: 'custom', path: ['providerId'], message: 'Pilih penyedia.' })
    if (value.action === 'CLOSE' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan wajib diisi.' })
  })

export const referralResultSchema = z.strictObject({
  result: choice(['SERVED', 'NOT_SERVED'], 'hasil'),
  notes: notes.optional(),
})

/**
 * "Rujukan adminduk": the desa or Disdukcapil reports whether a NIK was issued, and the
 * issued NIK, which is recorded on the case (ADR 0037; checked against the person by the
 * use case, as at intake, DESIGN §1).
 */
export const adminDukResultSchema = z
  .strictObject({
    result: choice(['ISSUED', 'NOT_ISSUED'], 'hasil'),
    // A form's blank field is no NIK, not a malformed one.
    nik: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .trim()
        .regex(/^\d{16}$/, 'NIK harus terdiri dari 16 digit angka.')
        .optional(),
    ),
    reason: reason.optional(),
  })
  .superRefine((value, context) => {
    if (value.result === 'ISSUED' && !value.nik)
      context.addIssue({ code: 'custom', path: ['nik'], message: 'Isi NIK yang terbit.' })
    if (value.result === 'NOT_ISSUED' && value.nik)
      context.addIssue({ code: 'custom', path: ['nik'], message: 'NIK hanya diisi bila sudah terbit.' })
    if (value.result !== 'ISSUED' && !value.reason)
      context.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan wajib diisi.' })
  })

/**
 * "Minta layanan lain" (ADR 0037), offered to the TKSK on a case a result closed: DONE
 * leaves it closed; ANOTHER_SERVICE reopens it for a service, which the workflow
 * recommends, has approved and refers. The justification is the new recommendation's.
 */
export const followUpDecisionSchema = z
  .strictObject({
    action: choice(['DONE', 'ANOTHER_SERVICE'], 'tindak lanjut'),
    // A form's untouched select sends an empty value: no service chosen, not an unknown one.
    service: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(SERVICE_CODES, { error: 'Jenis layanan tidak dikenal.' }).optional(),
    ),
    justification: notes.optional(),
  })
  .superRefine((value, context) => {
    if (value.action !== 'ANOTHER_SERVICE') return
    if (!value.service)
      context.addIssue({ code: 'custom', path: ['service'], message: 'Pilih layanan berikutnya.' })
    if ((value.justification ?? '').length < 10)
      context.addIssue({
        code: 'custom',
        path: ['justification'],
        message: 'Alasan layanan berikutnya minimal 10 karakter.',
      })
  })

export const DECISION_SCHEMAS = {
  ASSESSMENT: assessmentDecisionSchema,
  ASSESSMENT_ESCALATION: escalationDecisionSchema,
  APPROVAL: approvalDecisionSchema,
  PROVIDER_CHOICE: providerChoiceSchema,
  REFERRAL_RESPONSE: referralResponseSchema,
  REREFERRAL: rereferralDecisionSchema,
  REFERRAL_RESULT: referralResultSchema,
  ADMINDUK_REFERRAL: adminDukResultSchema,
  BANSOS_VERIFICATION: verificationDecisionSchema,
  FOLLOW_UP: followUpDecisionSchema,
} as const satisfies Record<TaskKind, z.ZodType>

export type Decision = Record<string, unknown>

/**
 * The decision field whose text becomes the case's outcome reason when the task closes
 * the case: the TKSK's findings of a family not eligible, the approver's reason for a
 * rejection.
 */
const CLOSING_REASON_FIELDS: Partial<Readonly<Record<TaskKind, string>>> = {
  ASSESSMENT: 'findings',
  APPROVAL: 'reason',
}

/** The outcome reason a decision of this kind closes its case with, when it gives one. */
export const closingReasonOf = (kind: TaskKind, decision: Decision): string | undefined => {
  const field = CLOSING_REASON_FIELDS[kind]
  const text = field === undefined ? undefined : decision[field]
  return typeof text === 'string' && text !== '' ? text : undefined
}

/** What the email and the page ask, in Bahasa Indonesia. */
export const TASK_TITLES: Readonly<Record<TaskKind, string>> = {
  ASSESSMENT: 'Asesmen kunjungan rumah',
  ASSESSMENT_ESCALATION: 'Asesmen melewati batas waktu: alihkan atau perpanjang',
  APPROVAL: 'Persetujuan rekomendasi',
  PROVIDER_CHOICE: 'Pilih penyedia',
  REFERRAL_RESPONSE: 'Tanggapan atas rujukan',
  REREFERRAL: 'Rujukan ditolak: rujuk ulang atau tutup',
  REFERRAL_RESULT: 'Laporan hasil layanan rujukan',
  ADMINDUK_REFERRAL: 'Rujukan adminduk',
  BANSOS_VERIFICATION: 'Verifikasi pengaduan/usulan/sanggahan bansos',
  FOLLOW_UP: 'Minta layanan lain (opsional)',
}

export const TASK_ASKS: Readonly<Record<TaskKind, string>> = {
  ASSESSMENT:
    'Mohon lakukan kunjungan rumah dan isi hasil asesmen (tanggal kunjungan, temuan, kelayakan, layanan).',
  ASSESSMENT_ESCALATION:
    'Asesmen belum dikerjakan sampai batas waktu. Mohon alihkan ke TKSK lain atau perpanjang batas waktunya.',
  APPROVAL: 'Mohon setujui, tolak, atau kembalikan untuk perbaikan rekomendasi kasus ini.',
  PROVIDER_CHOICE:
    'Belum ada penyedia aktif untuk layanan ini di wilayah pemohon. Mohon pilih penyedia untuk kasus ini, atau tutup kasus dengan alasan.',
  REFERRAL_RESPONSE: 'Mohon nyatakan apakah lembaga Anda menerima atau menolak rujukan ini.',
  REREFERRAL: 'Lembaga rujukan menolak. Mohon rujuk ke lembaga lain atau tutup kasus.',
  REFERRAL_RESULT: 'Mohon laporkan apakah pemohon sudah dilayani.',
  ADMINDUK_REFERRAL:
    'Orang ini belum memiliki NIK. Mohon bantu perekaman/penerbitan NIK dan laporkan apakah NIK sudah terbit (ISSUED, dengan NIK-nya) atau belum dapat diterbitkan (NOT_ISSUED, dengan alasan).',
  BANSOS_VERIFICATION:
    'Mohon verifikasi pengaduan, usulan atau sanggahan bansos ini, lalu pilih: selesai (RESOLVED), teruskan ke Dinas Sosial, bank penyalur atau pendamping PKH (FORWARDED), atau jadikan usulan baris verval BARU, UBAH atau HAPUS (VERVAL_DRAFT).',
  FOLLOW_UP:
    'Kasus sudah ditutup dengan hasil rujukan. Bila keluarga ini masih memerlukan layanan lain, ajukan layanan dan alasannya; bila tidak, pilih selesai. Tanpa jawaban, penawaran ini berakhir sendiri setelah 14 hari.',
}

/**
 * Kinds whose decision resumes the waiting workflow; the escalation acts on the assessment
 * task instead, and the adminduk referral runs beside the case (ADR 0027).
 */
export const isAwaitedKind = (kind: TaskKind): boolean =>
  kind !== 'ASSESSMENT_ESCALATION' && kind !== 'ADMINDUK_REFERRAL'
