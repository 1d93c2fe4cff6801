/**
 * "Pengaduan & Usulan Bansos" (`/pengaduan`, issue 15 item 4, ADR 0036): three forms on
 * one public page, one open at a time (`?jenis=`): a KPM's complaint, a proposal of a
 * family, an objection to a listed KPM. Plain HTML forms (no script needed), the desa
 * picked in GET steps like the request form, field names the API's JSON paths.
 */
import { BANSOS_KINDS, type BansosKind, CASE_KIND_LABELS } from '../core/case/case-kind'
import { COMPLAINT_TYPE_LABELS, COMPLAINT_TYPES, OBJECTION_REASON_LABELS } from '../core/bansos/bansos-schema'
import { CONSENT_TEXT } from '../core/case/consent'
import { statusPagePath } from '../core/case/status-url'
import { VERVAL_PROGRAM_LABELS, VERVAL_PROGRAMS } from '../core/catalog/verval-programs'
import { ALASAN_HAPUS } from '../core/verval/columns'
import type { HttpResult } from '../http/runtime/action'
import { type AreaChoices, type AreaPath, areaSteps } from './area-steps'
import {
  errorFor,
  errorSummary,
  fieldId,
  type FormState,
  inputField,
  selectField,
  textareaField,
} from './fields'
import { html, type SafeHtml } from './html'
import { page } from './page'

export const BANSOS_PATH = '/pengaduan'
export const BANSOS_FORM_ID = 'bansos-form'
export const IDEMPOTENCY_FIELD = '_idempotencyKey'

/** `?jenis=` of each form, in the page's own words. */
export const KIND_PARAMS: Readonly<Record<BansosKind, string>> = {
  PENGADUAN: 'pengaduan',
  USUL: 'usul',
  SANGGAH: 'sanggah',
}

export const kindOfParam = (param: string | undefined): BansosKind =>
  BANSOS_KINDS.find((kind) => KIND_PARAMS[kind] === param) ?? 'PENGADUAN'

export const VILLAGE_FIELDS: Readonly<Record<BansosKind, string>> = {
  PENGADUAN: 'complainant.villageCode',
  USUL: 'family.villageCode',
  SANGGAH: 'subject.villageCode',
}

const FIELDS: Readonly<Record<BansosKind, readonly string[]>> = {
  PENGADUAN: [
    'complainant.villageCode',
    'program',
    'complaintType',
    'period',
    'description',
    'complainant.name',
    'complainant.address',
    'complainant.phone',
    'complainant.email',
    'consent',
  ],
  USUL: [
    'family.villageCode',
    'program',
    'family.name',
    'family.address',
    'reason',
    'proposer.name',
    'proposer.phone',
    'proposer.email',
    'consent',
  ],
  SANGGAH: [
    'subject.villageCode',
    'program',
    'subject.name',
    'reason',
    'description',
    'objector.name',
    'objector.phone',
    'objector.email',
    'consent',
  ],
}

export interface BansosFormModel extends FormState {
  kind: BansosKind
  areas: AreaChoices
  chosen: AreaPath
  idempotencyKey: string
  notice?: string
}

const INTRO: Readonly<Record<BansosKind, string>> = {
  PENGADUAN:
    'Untuk KPM (penerima BPNT/Sembako, PKH atau PBI-JK) yang tidak menerima bantuan, menerima kurang, kartunya bermasalah, atau datanya salah.',
  USUL: 'Usulkan keluarga yang layak menerima bantuan tetapi belum terdaftar. Siapa pun boleh mengusulkan.',
  SANGGAH:
    'Sampaikan bila ada KPM yang menurut Anda tidak layak lagi menerima bantuan. Identitas Anda tidak diberitahukan kepada KPM tersebut.',
}

const programField = (model: BansosFormModel) =>
  selectField(model, {
    name: 'program',
    label: 'Program bantuan',
    required: true,
    choices: VERVAL_PROGRAMS.map((p) => ({ value: p, label: VERVAL_PROGRAM_LABELS[p] })),
  })

const contactFields = (model: BansosFormModel, prefix: string, nameLabel: string, nameRequired: boolean) =>
  html`${inputField(model, { name: `${prefix}.name`, label: nameLabel, required: nameRequired, autocomplete: 'name', maxlength: 100 })}
  ${inputField(model, { name: `${prefix}.phone`, label: 'Nomor HP', hint: 'Mis. 081234567890, agar TKSK dapat menghubungi Anda.', type: 'tel', autocomplete: 'tel', maxlength: 16 })}
  ${inputField(model, { name: `${prefix}.email`, label: 'Email', hint: 'Nomor registrasi dan kode akses dikirim ke sini.', type: 'email', autocomplete: 'email', maxlength: 254 })}`

const kindFields = (model: BansosFormModel): SafeHtml => {
  switch (model.kind) {
    case 'PENGADUAN':
      return html`<fieldset>
          <legend>2. Pengaduan</legend>
          ${programField(model)}
          ${selectField(model, { name: 'complaintType', label: 'Jenis pengaduan', required: true, choices: COMPLAINT_TYPES.map((t) => ({ value: t, label: COMPLAINT_TYPE_LABELS[t] })) })}
          ${inputField(model, { name: 'period', label: 'Periode penyaluran (TTTT-BB)', hint: 'Bulan berjalan atau bulan sebelumnya, mis. 2026-11.', required: true, maxlength: 7 })}
          ${textareaField(model, { name: 'description', label: 'Uraian pengaduan', hint: 'Ceritakan apa yang terjadi (maks. 2.000 karakter). Tidak perlu menulis NIK atau Nomor KK.', required: true, maxlength: 2000 })}
        </fieldset>
        <fieldset>
          <legend>3. Data KPM yang mengadu</legend>
          ${contactFields(model, 'complainant', 'Nama pengurus KPM', true)}
          ${textareaField(model, { name: 'complainant.address', label: 'Alamat', hint: 'Kampung/jalan, RT/RW.', required: true, maxlength: 200 })}
        </fieldset>`
    case 'USUL':
      return html`<fieldset>
          <legend>2. Keluarga yang diusulkan</legend>
          ${programField(model)}
          ${inputField(model, { name: 'family.name', label: 'Nama kepala keluarga', required: true, autocomplete: 'off', maxlength: 100 })}
          ${textareaField(model, { name: 'family.address', label: 'Alamat keluarga', hint: 'Kampung/jalan, RT/RW.', required: true, maxlength: 200 })}
          ${textareaField(model, { name: 'reason', label: 'Alasan usulan', hint: 'Mengapa keluarga ini layak menerima bantuan (maks. 2.000 karakter).', required: true, maxlength: 2000 })}
        </fieldset>
        <fieldset>
          <legend>3. Data pengusul</legend>
          ${contactFields(model, 'proposer', 'Nama pengusul', true)}
        </fieldset>`
    case 'SANGGAH':
      return html`<fieldset>
          <legend>2. KPM yang disanggah</legend>
          ${programField(model)}
          ${inputField(model, { name: 'subject.name', label: 'Nama KPM', required: true, autocomplete: 'off', maxlength: 100 })}
          ${selectField(model, { name: 'reason', label: 'Alasan sanggahan', required: true, choices: ALASAN_HAPUS.map((a) => ({ value: a, label: OBJECTION_REASON_LABELS[a] })) })}
          ${textareaField(model, { name: 'description', label: 'Uraian sanggahan', hint: 'Apa yang Anda ketahui (maks. 2.000 karakter).', required: true, maxlength: 2000 })}
        </fieldset>
        <fieldset>
          <legend>3. Data penyanggah (boleh dikosongkan)</legend>
          ${contactFields(model, 'objector', 'Nama Anda', false)}
        </fieldset>`
  }
}

const consentField = (model: BansosFormModel) => {
  const error = errorFor(model, 'consent')
  const id = fieldId('consent')
  return html`<fieldset${error ? html` class="has-error"` : ''}><legend>4. Persetujuan</legend>
${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
<label class="choice" for="${id}"><input type="checkbox" id="${id}" name="consent" value="true" required${
    model.values.consent === 'true' ? html` checked` : ''
  }${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}> <span>${CONSENT_TEXT}</span></label>
</fieldset>`
}

const kindMenu = (current: BansosKind) =>
  html`<nav aria-label="Jenis pengajuan">
    <ul>
      ${BANSOS_KINDS.map((kind) =>
        kind === current
          ? html`<li><strong aria-current="page">${CASE_KIND_LABELS[kind]}</strong></li>`
          : html`<li><a href="${BANSOS_PATH}?jenis=${KIND_PARAMS[kind]}">${CASE_KIND_LABELS[kind]}</a></li>`,
      )}
    </ul>
  </nav>`

export const bansosFormPage = (model: BansosFormModel, statusCode = 200): HttpResult =>
  page(
    statusCode,
    'Pengaduan & Usulan Bansos',
    html`${kindMenu(model.kind)}
      <h2>${CASE_KIND_LABELS[model.kind]}</h2>
      <p>${INTRO[model.kind]}</p>
      ${model.notice ? html`<div class="alert" role="alert">${model.notice}</div>` : ''}
      ${errorSummary(model, FIELDS[model.kind])}
      ${areaSteps(model, {
        action: BANSOS_PATH,
        formId: BANSOS_FORM_ID,
        villageField: VILLAGE_FIELDS[model.kind],
        legend: '1. Wilayah',
        hint:
          model.kind === 'PENGADUAN'
            ? 'Pilih provinsi, kabupaten/kota, kecamatan, lalu desa/kelurahan tempat tinggal KPM.'
            : model.kind === 'USUL'
              ? 'Desa/kelurahan keluarga yang diusulkan wajib dipilih: pilih provinsi, kabupaten/kota, kecamatan, lalu desa/kelurahan.'
              : 'Pilih provinsi, kabupaten/kota, kecamatan, lalu desa/kelurahan tempat tinggal KPM yang disanggah.',
        hidden: { jenis: KIND_PARAMS[model.kind] },
      })}
      <form method="post" action="${BANSOS_PATH}" id="${BANSOS_FORM_ID}" novalidate>
        <input type="hidden" name="kind" value="${model.kind}" />
        <input type="hidden" name="${IDEMPOTENCY_FIELD}" value="${model.idempotencyKey}" />
        ${kindFields(model)} ${consentField(model)}
        <button type="submit">Kirim</button>
      </form>`,
  )

/** After filing: the reference and access code to follow the status; nothing else of what was sent. */
export const bansosReceiptPage = (receipt: { reference: string; accessCode: string; kind: BansosKind }) =>
  page(
    200,
    'Pengajuan diterima',
    html`<p>${CASE_KIND_LABELS[receipt.kind]} Anda sudah kami terima.</p>
      <dl>
        <dt>Nomor registrasi</dt>
        <dd><strong>${receipt.reference}</strong></dd>
        <dt>Kode akses</dt>
        <dd><strong>${receipt.accessCode}</strong></dd>
      </dl>
      <div class="notice" role="status">
        <p>
          Simpan atau foto nomor registrasi dan kode akses ini untuk mengecek status. Jangan berikan kode
          akses kepada orang lain.
        </p>
      </div>
      <h2>Apa selanjutnya?</h2>
      <ol>
        <li>TKSK kecamatan memverifikasi dalam 5 hari kerja.</li>
        <li>
          Hasilnya: diselesaikan, diteruskan kepada Dinas Sosial, bank penyalur atau pendamping PKH, atau
          diusulkan dalam verval data KPM bulan berikutnya.
        </li>
      </ol>
      <p><a class="button" href="${statusPagePath(receipt.reference)}">Cek status</a></p>
      <p>Petugas tidak pernah meminta uang untuk layanan ini.</p>`,
  )
