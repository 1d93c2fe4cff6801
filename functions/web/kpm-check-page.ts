/**
 * "Apakah keluarga saya KPM?" (`/cek-kpm`, issue 15.5, ADR 0030): KK number and the
 * pengurus's birth date by POST; the answer lists each program with "terdaftar aktif"
 * or "tidak terdaftar" and nothing about any person. The typed KK and date are not shown
 * back beside a result: a shared screen keeps only the programs.
 */
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import type { KpmCheckStatus, KpmCheckView } from '../core/kpm/kpm-check'
import type { HttpResult } from '../http/runtime/action'
import { errorSummary, type FormState, inputField } from './fields'
import { html } from './html'
import { page } from './page'

export const KPM_CHECK_FIELDS = ['kk', 'birthDate'] as const

const STATUS_LABELS: Readonly<Record<KpmCheckStatus, string>> = {
  ACTIVE: 'Terdaftar aktif',
  NOT_LISTED: 'Tidak terdaftar',
}

export const kpmCheckPage = (
  state: FormState & { notFound?: string; result?: KpmCheckView },
  statusCode = 200,
  headers: Record<string, string> = {},
): HttpResult => {
  const { result } = state
  const summary = result
    ? html`<section aria-labelledby="hasil">
        <h2 id="hasil">Hasil cek KPM</h2>
        <p class="notice" role="status">Keluarga Anda tercatat dalam data KPM kabupaten/kota ini.</p>
        <ul>
          ${result.programs.map(
            ({ program, status }) =>
              html`<li>${VERVAL_PROGRAM_LABELS[program]}: <strong>${STATUS_LABELS[status]}</strong></li>`,
          )}
        </ul>
        <p>Data ini diperbarui setiap bulan melalui verifikasi dan validasi (verval) oleh TKSK kecamatan.</p>
      </section>`
    : ''
  return page(
    statusCode,
    'Apakah Keluarga Saya KPM?',
    html`${summary} ${state.notFound ? html`<div class="alert" role="alert">${state.notFound}</div>` : ''}
      ${errorSummary(state, KPM_CHECK_FIELDS)}
      <p>
        Cek apakah keluarga Anda terdaftar sebagai Keluarga Penerima Manfaat (KPM) program BPNT/Sembako, PKH
        atau PBI-JK di kabupaten/kota ini. Yang ditampilkan hanya program dan statusnya.
      </p>
      <form method="post" action="/cek-kpm">
        ${inputField(state, { name: 'kk', label: 'Nomor Kartu Keluarga (KK)', hint: '16 digit angka, tertera di Kartu Keluarga.', required: true, inputmode: 'numeric', maxlength: 16, autocomplete: 'off' })}
        ${inputField(state, { name: 'birthDate', label: 'Tanggal lahir pengurus KPM', hint: 'Anggota keluarga yang namanya tertera di kartu KKS atau kartu program.', type: 'date', required: true, autocomplete: 'off' })}
        <button type="submit">Cek KPM</button>
      </form>`,
    { headers },
  )
}
