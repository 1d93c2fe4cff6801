import type { AttentionKind } from './attention'

/**
 * The case, verval and laporan workflows' steps as staff know them, for the "Perlu perhatian" page; a state
 * not named here is shown by its name.
 */
const TASKS: Readonly<Record<string, string>> = {
  Assessment: 'asesmen',
  Approval: 'persetujuan',
  ProviderChoice: 'pemilihan penyedia',
  ReferralResponse: 'tanggapan rujukan',
  Rereferral: 'rujukan ulang',
  ReferralResult: 'hasil rujukan',
}

export const ATTENTION_STATE_LABELS: Readonly<Record<string, string>> = {
  // The verval workflow (workflows/verval-asl.ts).
  Prepare: 'Persiapan verval',
  ValidateChunks: 'Validasi baris verval',
  FinishValidation: 'Penyelesaian validasi verval',
  OpenApproval: 'Permintaan persetujuan verval',
  AwaitApproval: 'Menunggu persetujuan verval',
  ApprovalTimer: 'Pengingat persetujuan verval',
  AfterDecision: 'Tindak lanjut keputusan verval',
  ApplyChunks: 'Penerapan ke data KPM',
  FinishApply: 'Penyelesaian penerapan verval',
  // The laporan bulanan's deadline workflow (workflows/laporan-asl.ts).
  Schedule: 'Penjadwalan pengingat laporan bulanan',
  Remind: 'Pengingat laporan bulanan',
  Escalate: 'Eskalasi laporan bulanan',
  Identify: 'Identifikasi',
  Recommend: 'Penyusunan rekomendasi',
  Close: 'Penutupan kasus',
  ...Object.fromEntries(
    Object.entries(TASKS).flatMap(([name, label]) => [
      [`Open${name}`, `Pembuatan tugas ${label}`],
      [`Await${name}`, `Menunggu ${label}`],
      [`Timer${name}`, `Pengingat ${label}`],
      [`Apply${name}`, `Penerapan keputusan ${label}`],
    ]),
  ),
}

/**
 * What staff do once "Coba lagi" is past AWS's 14 days of redrive (ADR 0040; the runbook's
 * "Needs attention"): the page says it plainly, and so does the refused retry.
 */
export const PAST_RETRY_ADVICE: Readonly<Record<AttentionKind, string>> = {
  CASE: 'Tutup kasus dengan alasannya lalu ajukan kembali, atau hubungi admin.',
  BATCH:
    'Unggah ulang berkasnya (unggahan baru menggantikan verval ini); bila terhenti saat diterapkan, hubungi admin.',
  // Only its reminder and escalation stop: the report itself can still be written, sent and taken.
  LAPORAN:
    'Laporan tetap dapat diisi, dikirim, dan diterima; ingatkan TKSK-nya secara langsung bila belum dikirim.',
}

/** How the page and the answers name the thing that halted. */
export const ATTENTION_SUBJECT_LABELS: Readonly<Record<AttentionKind, string>> = {
  CASE: 'Kasus ini',
  BATCH: 'Verval ini',
  LAPORAN: 'Laporan ini',
}
