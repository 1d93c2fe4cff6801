/**
 * The resident's request form (DESIGN §4 Pages, `/`). The area is picked in steps: a GET
 * form of its own (province → regency → district, each step re-renders the page with the
 * next select), so without JavaScript nothing typed in the request form is sent in a URL;
 * the desa select belongs to the request form. With JavaScript the selects cascade in
 * place (assets/area-cascade-js.ts).
 */
import { type AreaChoices, type AreaPath, areaSteps } from './area-steps'
import { CATEGORIES } from '../core/catalog/categories'
import { SERVICES, type ServiceCode } from '../core/catalog/services'
import { CONSENT_TEXT } from '../core/case/consent'
import { statusPagePath } from '../core/case/status-url'
import type { HttpResult } from '../http/runtime/action'
import { html, type SafeHtml } from './html'
import {
  errorFor,
  errorSummary,
  fieldId,
  type FormState,
  inputField,
  selectField,
  textareaField,
} from './fields'
import { page } from './page'
import {
  applicantContactFields,
  FOR_OTHER_PARAM,
  FOR_OTHER_VALUE,
  MODE_FIELD,
  modeSwitch,
  reporterSection,
} from './request-form-reporter'
import { type SlipModel, slipHtml } from './slip'

export type { AreaChoices, AreaPath } from './area-steps'

export interface RequestFormModel extends FormState {
  areas: AreaChoices
  chosen: AreaPath
  /** Sent back with the form so a double submit files one request (the API's Idempotency-Key). */
  idempotencyKey: string
  /** A problem with the whole submission (e.g. the form was already sent with other values). */
  notice?: string
  /** "Saya melaporkan orang lain" (issue 15): the reporter's part is shown and sent. */
  forOther?: boolean
}

export const REQUEST_FIELDS = [
  'applicant.villageCode',
  'reporter.name',
  'reporter.relation',
  'reporter.phone',
  'applicant.name',
  'applicant.nik',
  'applicant.nikStatus',
  'applicant.kk',
  'applicant.kkStatus',
  'applicant.birthDate',
  'applicant.birthDateStatus',
  'applicant.estimatedAge',
  'applicant.address',
  'applicant.phone',
  'applicant.email',
  'category',
  'service',
  'description',
  'consent',
] as const

/** What each service is, in a sentence a resident understands. */
const SERVICE_HELP: Readonly<Record<ServiceCode, string>> = {
  SKTM: 'surat dari desa/kelurahan bahwa keluarga tidak mampu, mis. untuk beasiswa atau keringanan biaya.',
  KIS_PBI: 'kartu BPJS Kesehatan yang iurannya dibayar pemerintah.',
  JAMKESDA: 'jaminan biaya berobat dari pemerintah daerah bagi yang belum punya BPJS.',
  PKH: 'bantuan tunai bersyarat bagi keluarga dengan ibu hamil, anak sekolah, lansia atau penyandang disabilitas.',
  BPNT: 'bantuan bahan pangan (sembako) bulanan.',
  REHABILITASI_SOSIAL:
    'pendampingan dan pemulihan sosial, mis. bagi korban kekerasan, penyandang disabilitas, lansia.',
  RUJUKAN_LAYANAN: 'rujukan ke Puskesmas atau rumah sakit.',
  BANTUAN_BENCANA: 'bantuan bagi korban bencana alam atau sosial.',
}

const areaSection = (model: RequestFormModel): SafeHtml =>
  areaSteps(model, {
    action: '/',
    formId: 'request-form',
    villageField: 'applicant.villageCode',
    legend: '1. Wilayah tempat tinggal',
    hint: model.forOther
      ? 'Pilih provinsi, lalu kabupaten/kota, kecamatan dan desa/kelurahan tempat orang yang Anda laporkan berada.'
      : 'Pilih provinsi, lalu kabupaten/kota, kecamatan dan desa/kelurahan sesuai alamat Anda sekarang.',
    ...(model.forOther ? { hidden: { [FOR_OTHER_PARAM]: FOR_OTHER_VALUE } } : {}),
  })

/** A NIK, KK or birth date may be marked unknown or absent instead (issue 15, ADR 0027); empty means "diisi". */
const markField = (model: FormState, name: string, label: string, withNone: boolean) =>
  selectField(model, {
    name,
    label,
    plain: true,
    placeholder: 'Ada, diisi di atas',
    choices: [
      { value: 'UNKNOWN', label: 'Tidak diketahui' },
      ...(withNone ? [{ value: 'NONE', label: 'Tidak punya' }] : []),
    ],
  })

/**
 * The person's fields (section 2), shared with the TKSK's field filing page
 * (`field-intake-page.ts`), which always files for someone else (`other`).
 */
export const applicantFields = (model: FormState, other: boolean): SafeHtml =>
  html`<p class="hint">
      NIK, Nomor KK dan tanggal lahir boleh dikosongkan bila tidak diketahui atau tidak punya: tandai di
      pilihan di bawahnya.
    </p>
    ${inputField(model, { name: 'applicant.name', label: other ? 'Nama (sejauh diketahui)' : 'Nama lengkap', hint: other ? 'Nama panggilan pun boleh.' : 'Sesuai KTP.', required: true, autocomplete: other ? 'off' : 'name', maxlength: 100 })}
    ${inputField(model, { name: 'applicant.nik', label: 'NIK', hint: '16 digit angka, tertera di KTP atau Kartu Keluarga.', plain: true, inputmode: 'numeric', maxlength: 16 })}
    ${markField(model, 'applicant.nikStatus', 'Keterangan NIK', true)}
    ${inputField(model, { name: 'applicant.kk', label: 'Nomor Kartu Keluarga (KK)', hint: '16 digit angka.', plain: true, inputmode: 'numeric', maxlength: 16 })}
    ${markField(model, 'applicant.kkStatus', 'Keterangan Nomor KK', true)}
    ${inputField(model, { name: 'applicant.birthDate', label: 'Tanggal lahir', plain: true, type: 'date', autocomplete: other ? 'off' : 'bday' })}
    ${markField(model, 'applicant.birthDateStatus', 'Keterangan tanggal lahir', false)}
    ${inputField(model, { name: 'applicant.estimatedAge', label: 'Perkiraan umur (tahun)', hint: 'Wajib bila tanggal lahir tidak diketahui.', inputmode: 'numeric', maxlength: 3 })}
    ${textareaField(model, { name: 'applicant.address', label: other ? 'Alamat atau tempat orang itu dapat ditemui' : 'Alamat', hint: other ? 'Mis. kampung/jalan, RT/RW, atau tempat ia biasa berada.' : 'Kampung/jalan, RT/RW.', required: true, maxlength: 200 })}
    ${applicantContactFields(model, other)}`

/** The request's category, service and description (section 3), shared with the field filing page. */
export const requestFields = (model: FormState): SafeHtml =>
  html`${selectField(model, {
      name: 'category',
      label: 'Kategori (PPKS)',
      hint: 'Pilih keadaan yang paling sesuai. Jika ragu, pilih yang paling mendekati; TKSK akan memeriksanya saat kunjungan. Kategori dirahasiakan.',
      required: true,
      choices: CATEGORIES.map((c) => ({ value: c.code, label: c.label })),
    })}
    ${selectField(model, {
      name: 'service',
      label: 'Layanan yang dimohon',
      hint: 'Lihat penjelasan di bawah.',
      required: true,
      choices: SERVICES.map((s) => ({ value: s.code, label: s.label })),
    })}
    <details>
      <summary>Penjelasan layanan</summary>
      <ul>
        ${SERVICES.map((s) => html`<li><strong>${s.label}</strong>: ${SERVICE_HELP[s.code]}</li>`)}
      </ul>
    </details>
    ${textareaField(model, { name: 'description', label: 'Uraian keadaan', hint: 'Ceritakan singkat keadaan dan kebutuhan Anda (maks. 2.000 karakter). Tidak perlu menulis NIK atau Nomor KK di sini: nomor seperti itu akan disamarkan.', maxlength: 2000 })}`

/** The consent checkbox in its fieldset, shared with the field filing page. */
export const consentFieldset = (
  model: FormState,
  legend: string,
): SafeHtml => html`<fieldset${errorFor(model, 'consent') ? html` class="has-error"` : ''}><legend>${legend}</legend>
${errorFor(model, 'consent') ? html`<p class="error" id="${fieldId('consent')}-error">${errorFor(model, 'consent')}</p>` : ''}
<label class="choice" for="${fieldId('consent')}"><input type="checkbox" id="${fieldId('consent')}" name="consent" value="true" required${
  model.values.consent === 'true' ? html` checked` : ''
}${errorFor(model, 'consent') ? html` aria-invalid="true" aria-describedby="${fieldId('consent')}-error"` : ''}> <span>${CONSENT_TEXT}</span></label>
</fieldset>`

export const requestFormPage = (model: RequestFormModel, statusCode = 200): HttpResult => {
  const other = model.forOther === true
  const body = html`<p>
      Ajukan permohonan layanan kesejahteraan sosial (SKTM, KIS, Jamkesda, PKH, BPNT, rehabilitasi, rujukan,
      bantuan bencana). TKSK kecamatan Anda akan menghubungi dan mengunjungi Anda.
    </p>
    ${model.notice ? html`<div class="alert" role="alert">${model.notice}</div>` : ''}
    ${errorSummary(model, REQUEST_FIELDS)} ${modeSwitch(other)} ${areaSection(model)}
    <form method="post" action="/" id="request-form" novalidate>
      <input type="hidden" name="_idempotencyKey" value="${model.idempotencyKey}" />
      ${other ? html`<input type="hidden" name="${MODE_FIELD}" value="${FOR_OTHER_VALUE}" />${reporterSection(model)}` : ''}
      <fieldset>
        <legend>2. ${other ? 'Data orang yang dilaporkan' : 'Data pemohon'}</legend>
        ${applicantFields(model, other)}
      </fieldset>
      <fieldset>
        <legend>3. Permohonan</legend>
        ${requestFields(model)}
      </fieldset>
      ${consentFieldset(model, '4. Persetujuan')}
      <button type="submit">Kirim permohonan</button>
    </form>`
  return page(statusCode, 'Permohonan Layanan Sosial', body, { scripts: ['area-cascade.js'] })
}

/** Said when the description held a NIK- or KK-like number, masked before it was stored (DESIGN §1). */
export const DESCRIPTION_MASKED_NOTICE =
  'Uraian Anda memuat nomor yang mirip NIK atau Nomor KK. Demi keamanan data Anda, nomor itu kami samarkan ' +
  'sebelum disimpan (contoh: 320114******0001). Petugas akan menanyakan NIK dan KK Anda langsung bila diperlukan.'

/** The page after filing: the slip to print or photograph, then what happens next (not printed). */
export const confirmationPage = async (
  slip: SlipModel,
  options: { descriptionMasked?: boolean } = {},
): Promise<HttpResult> =>
  page(
    200,
    'Permohonan diterima',
    html`<p class="no-print">Permohonan Anda sudah kami terima.</p>
      ${await slipHtml(slip)}
      <div class="notice no-print" role="status">
        <p>
          Simpan, cetak atau foto tanda terima di atas. Nomor registrasi dan kode akses dipakai untuk mengecek
          status permohonan; kode akses juga kami kirim ke email Anda bila diisi. Jangan berikan kode akses
          kepada orang lain.
        </p>
      </div>
      ${options.descriptionMasked ? html`<p class="notice no-print" role="note">${DESCRIPTION_MASKED_NOTICE}</p>` : ''}
      <div class="no-print">
        <h2>Apa selanjutnya?</h2>
        <ol>
          <li><strong>Identifikasi</strong>: data Anda diperiksa (biasanya dalam hitungan menit).</li>
          <li>
            <strong>Asesmen</strong>: TKSK kecamatan Anda akan menghubungi dan mengunjungi rumah Anda dalam 5
            hari kerja. Siapkan KTP dan Kartu Keluarga.
          </li>
          <li><strong>Rekomendasi</strong>: Dinas Sosial memutuskan rekomendasi dalam 3 hari kerja.</li>
          <li>
            <strong>Rujukan</strong>: permohonan diteruskan ke lembaga yang melayani (desa, Puskesmas, BPJS
            Kesehatan atau Dinas Sosial).
          </li>
          <li><strong>Selesai</strong>: Anda dapat melihat hasilnya di halaman status.</li>
        </ol>
        <p><a class="button" href="${statusPagePath(slip.reference)}">Cek status permohonan</a></p>
        <p>Petugas tidak pernah meminta uang untuk layanan ini.</p>
      </div>`,
  )
