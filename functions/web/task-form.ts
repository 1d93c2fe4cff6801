/**
 * The decision form of each task kind (DESIGN §4 "Task fields"). Field names are the
 * JSON names, so the form posts what `POST /api/tasks/{taskId}/complete` reads.
 */
import { SERVICES } from '../core/catalog/services'
import type { TaskKind } from '../core/case/task-kinds'
import type { ErrorDetail } from '../shared/errors'
import { html, type SafeHtml } from './html'

export interface FormContext {
  kind: TaskKind
  /** Keys the draft the browser keeps of this form (`task-draft.js`). */
  taskId: string
  values: Record<string, string>
  errors: readonly ErrorDetail[]
  /** Choices that depend on data: TKSK for REASSIGN, providers for REREFER and CHOOSE. */
  tkskOptions: { id: string; name: string }[]
  providerOptions: { id: string; name: string }[]
}

const errorOf = (ctx: FormContext, name: string) => {
  const message = ctx.errors.find((e) => e.path === name)?.message
  return message ? html`<p class="error" id="${name}-error">${message}</p>` : ''
}

/** Ties a field to its error for screen readers, as the request form's fields do. */
const invalid = (ctx: FormContext, name: string) =>
  ctx.errors.some((e) => e.path === name) ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''

const radios = (ctx: FormContext, name: string, label: string, options: [string, string][]) =>
  html`<fieldset${ctx.errors.some((e) => e.path === name) ? html` aria-describedby="${name}-error"` : ''}>
    <legend>${label}</legend>
    ${options.map(
      ([value, text]) =>
        html`<label
            ><input
              type="radio"
              name="${name}"
              value="${value}"
              ${ctx.values[name] === value ? html` checked` : ''}
            />
            ${text}</label
          ><br />`,
    )}${errorOf(ctx, name)}
  </fieldset>`

const select = (ctx: FormContext, name: string, label: string, options: { id: string; name: string }[]) =>
  html`<label for="${name}">${label}</label
    ><select id="${name}" name="${name}" ${invalid(ctx, name)}>
      <option value="">— pilih —</option>
      ${options.map(
        (o) =>
          html`<option value="${o.id}" ${ctx.values[name] === o.id ? html` selected` : ''}>
            ${o.name}
          </option>`,
      )}</select
    >${errorOf(ctx, name)}`

const textarea = (ctx: FormContext, name: string, label: string) =>
  html`<label for="${name}">${label}</label
    ><textarea id="${name}" name="${name}" rows="4" ${invalid(ctx, name)}>${ctx.values[name] ?? ''}</textarea
    >${errorOf(ctx, name)}`

const input = (ctx: FormContext, name: string, label: string, type: string) =>
  html`<label for="${name}">${label}</label
    ><input
      id="${name}"
      name="${name}"
      type="${type}"
      value="${ctx.values[name] ?? ''}"
      ${invalid(ctx, name)}
    />${errorOf(ctx, name)}`

const FIELDS: Record<TaskKind, (ctx: FormContext) => SafeHtml[]> = {
  ASSESSMENT: (ctx) => [
    input(ctx, 'visitDate', 'Tanggal kunjungan', 'date'),
    textarea(ctx, 'findings', 'Temuan kunjungan'),
    radios(ctx, 'eligible', 'Memenuhi syarat?', [
      ['true', 'Ya'],
      ['false', 'Tidak'],
    ]),
    select(
      ctx,
      'service',
      'Layanan yang direkomendasikan',
      SERVICES.map((s) => ({ id: s.code, name: s.label })),
    ),
    textarea(ctx, 'notes', 'Catatan (opsional)'),
  ],
  ASSESSMENT_ESCALATION: (ctx) => [
    radios(ctx, 'action', 'Tindakan', [
      ['REASSIGN', 'Alihkan ke TKSK lain'],
      ['EXTEND', 'Perpanjang batas waktu'],
    ]),
    select(ctx, 'assignee', 'TKSK pengganti (jika dialihkan)', ctx.tkskOptions),
    input(ctx, 'days', 'Perpanjangan (hari kerja, jika diperpanjang)', 'number'),
  ],
  APPROVAL: (ctx) => [
    radios(ctx, 'decision', 'Keputusan', [
      ['APPROVE', 'Setujui'],
      ['REJECT', 'Tolak'],
      ['REVISE', 'Kembalikan untuk perbaikan'],
    ]),
    textarea(ctx, 'reason', 'Alasan (wajib jika menolak atau mengembalikan)'),
  ],
  PROVIDER_CHOICE: (ctx) => [
    radios(ctx, 'action', 'Tindakan', [
      ['CHOOSE', 'Pilih penyedia untuk kasus ini'],
      ['CLOSE', 'Tutup kasus (tidak ada penyedia)'],
    ]),
    select(ctx, 'providerId', 'Penyedia', ctx.providerOptions),
    textarea(ctx, 'reason', 'Alasan (wajib jika ditutup)'),
  ],
  REFERRAL_RESPONSE: (ctx) => [
    radios(ctx, 'response', 'Tanggapan', [
      ['ACCEPT', 'Terima rujukan'],
      ['DECLINE', 'Tolak rujukan'],
    ]),
    textarea(ctx, 'reason', 'Alasan (wajib jika menolak)'),
  ],
  REREFERRAL: (ctx) => [
    radios(ctx, 'action', 'Tindakan', [
      ['REREFER', 'Rujuk ke lembaga lain'],
      ['CLOSE', 'Tutup kasus (tidak terlayani)'],
    ]),
    select(ctx, 'providerId', 'Lembaga rujukan baru', ctx.providerOptions),
    textarea(ctx, 'reason', 'Alasan (wajib jika ditutup)'),
  ],
  REFERRAL_RESULT: (ctx) => [
    radios(ctx, 'result', 'Hasil', [
      ['SERVED', 'Sudah dilayani'],
      ['NOT_SERVED', 'Tidak dapat dilayani'],
    ]),
    textarea(ctx, 'notes', 'Catatan (opsional)'),
  ],
  ADMINDUK_REFERRAL: (ctx) => [
    radios(ctx, 'result', 'Hasil', [
      ['ISSUED', 'NIK sudah terbit'],
      ['NOT_ISSUED', 'NIK belum dapat diterbitkan'],
    ]),
    input(ctx, 'nik', 'NIK yang terbit (16 digit, wajib jika sudah terbit)', 'text'),
    textarea(ctx, 'reason', 'Alasan (wajib jika belum dapat diterbitkan)'),
  ],
  // Issue 15 item 4 (ADR 0036): the TKSK's verification of a complaint, proposal or objection.
  BANSOS_VERIFICATION: (ctx) => [
    textarea(ctx, 'findings', 'Hasil verifikasi'),
    radios(ctx, 'outcome', 'Tindak lanjut', [
      ['RESOLVED', 'Selesai di tempat'],
      ['FORWARDED', 'Teruskan (Dinas Sosial, bank penyalur, pendamping PKH)'],
      ['VERVAL_DRAFT', 'Jadikan usulan baris verval'],
    ]),
    radios(ctx, 'forwardTo', 'Diteruskan kepada', [
      ['DINSOS', 'Dinas Sosial'],
      ['BANK_PENYALUR', 'Bank penyalur'],
      ['PENDAMPING_PKH', 'Pendamping PKH'],
    ]),
    input(ctx, 'forwardEmail', 'Email bank penyalur/pendamping PKH (Dinas Sosial: boleh kosong)', 'email'),
    radios(ctx, 'vervalAction', 'Aksi verval', [
      ['BARU', 'BARU (tambah KPM)'],
      ['UBAH', 'UBAH (perbaiki data)'],
      ['HAPUS', 'HAPUS (keluarkan KPM)'],
    ]),
    input(
      ctx,
      'vervalReason',
      'Alasan verval (HAPUS: MENINGGAL, PINDAH, MAMPU, TIDAK_MEMENUHI_SYARAT, DUPLIKAT; UBAH: data yang diubah)',
      'text',
    ),
  ],
  FOLLOW_UP: (ctx) => [
    radios(ctx, 'action', 'Tindak lanjut', [
      ['DONE', 'Selesai, tidak perlu layanan lain'],
      ['ANOTHER_SERVICE', 'Ajukan layanan lain untuk keluarga ini'],
    ]),
    select(
      ctx,
      'service',
      'Layanan berikutnya (jika mengajukan layanan lain)',
      SERVICES.map((s) => ({ id: s.code, name: s.label })),
    ),
    textarea(ctx, 'justification', 'Alasan layanan berikutnya (wajib jika mengajukan layanan lain)'),
  ],
}

/** The scripts a page with a task form loads: the draft kept on the device (offline-tolerant submit). */
export const TASK_FORM_SCRIPTS = ['task-draft.js'] as const

/**
 * `hiddenField`: `k` (the link's secret) on link pages, `_csrf` (the session's CSRF token)
 * on staff pages. The two empty status lines are where `task-draft.js` says a draft was
 * restored (above the fields) and that the connection dropped (next to the button).
 */
export const taskForm = (action: string, secret: string, ctx: FormContext, hiddenField = 'k'): SafeHtml =>
  html`<form method="post" action="${action}" data-draft="${ctx.taskId}">
    <input type="hidden" name="${hiddenField}" value="${secret}" />
    <p class="draft-status" role="status" data-draft-note></p>
    ${ctx.errors.length > 0 ? html`<p class="error" role="alert">Periksa kembali isian yang ditandai.</p>` : ''}
    ${FIELDS[ctx.kind](ctx)}
    <p class="draft-status" role="status" data-draft-status></p>
    <button type="submit">Kirim keputusan</button>
  </form>`
