/**
 * The provider form of the admin pages (issue 13): one form for "Tambah" and "Ubah",
 * without JavaScript. Services and kecamatan are checkboxes named as the API's lists
 * (`services`, `areas`); desa/kelurahan are typed as codes, since a kabupaten has
 * hundreds; the whole kabupaten/kota is one more `areas` checkbox.
 */
import { PROVIDER_KIND_LABELS, PROVIDER_KINDS, SERVICES } from '../core/catalog/services'
import type { ErrorDetail } from '../shared/errors'
import { errorSummary, type FormState, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'

export interface ProviderFormModel {
  action: string
  submitLabel: string
  csrf: string
  /** Values as typed; the lists as every checked value. */
  values: Record<string, string>
  services: readonly string[]
  areas: readonly string[]
  errors: readonly ErrorDetail[]
  kabupaten: { code: string; name: string }
  kecamatan: readonly { code: string; name: string }[]
}

export const PROVIDER_FIELDS = ['name', 'kind', 'email', 'phone', 'services', 'areas', 'desaAreas'] as const

/** `services.2` → `services`: a list's error shows at its fieldset. */
export const fieldOfPath = (path: string): string => path.split('.')[0] ?? path

const errorsAt = (errors: readonly ErrorDetail[], field: string) =>
  errors.filter((e) => fieldOfPath(e.path) === field)

const checkboxes = (
  name: string,
  legend: string,
  choices: readonly { value: string; label: string }[],
  checked: readonly string[],
  errors: readonly ErrorDetail[],
  extra: SafeHtml | '' = '',
) => {
  const mine = errorsAt(errors, name)
  return html`<fieldset id="f-${name}" ${mine.length > 0 ? html` aria-describedby="f-${name}-error"` : ''}>
    <legend>${legend}</legend>
    ${mine.length > 0 ? html`<div class="error" id="f-${name}-error">${mine.map((e) => html`<p>${e.message}</p>`)}</div>` : ''}
    ${choices.map(
      (c, i) =>
        html`<label class="choice" for="f-${name}-${i}"
          ><input
            type="checkbox"
            id="f-${name}-${i}"
            name="${name}"
            value="${c.value}"
            ${checked.includes(c.value) ? html` checked` : ''}
          />
          <span>${c.label}</span></label
        >`,
    )}${extra}
  </fieldset>`
}

export const providerForm = (model: ProviderFormModel): SafeHtml => {
  const state: FormState = {
    values: model.values,
    errors: model.errors.map((e) => ({ ...e, path: fieldOfPath(e.path) })),
  }
  const kecamatanCodes = new Set(model.kecamatan.map((k) => k.code))
  const typedDesa = model.values.desaAreas ?? model.areas.filter((a) => a.split('.').length === 4).join(' ')
  return html`<form method="post" action="${model.action}" novalidate>
    ${csrfInput(model.csrf)}
    <input type="hidden" name="kabupaten" value="${model.kabupaten.code}" />
    ${errorSummary(state, PROVIDER_FIELDS)}
    ${inputField(state, { name: 'name', label: 'Nama penyedia', required: true, maxlength: 150 })}
    ${selectField(state, {
      name: 'kind',
      label: 'Jenis',
      required: true,
      choices: PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABELS[k] })),
    })}
    ${inputField(state, {
      name: 'email',
      label: 'Email (tujuan tautan rujukan)',
      type: 'email',
      required: true,
      autocomplete: 'off',
    })}
    ${inputField(state, { name: 'phone', label: 'Telepon', type: 'tel', inputmode: 'tel' })}
    ${checkboxes(
      'services',
      'Layanan yang dilayani',
      SERVICES.map((s) => ({ value: s.code, label: s.label })),
      model.services,
      model.errors,
    )}
    ${checkboxes(
      'areas',
      'Wilayah layanan',
      [
        { value: model.kabupaten.code, label: `Seluruh ${model.kabupaten.name}` },
        ...model.kecamatan.map((k) => ({ value: k.code, label: `Kecamatan ${k.name}` })),
      ],
      model.areas.filter((a) => a === model.kabupaten.code || kecamatanCodes.has(a)),
      model.errors,
      html`<label for="f-desaAreas">Desa/kelurahan tertentu (opsional)</label>
        <p class="hint" id="f-desaAreas-hint">
          Kode desa/kelurahan dipisah spasi atau koma, mis. 32.01.14.2001. Penyedia desa didahulukan dari
          penyedia kecamatan, dan kecamatan dari seluruh kabupaten/kota.
        </p>
        <input
          type="text"
          id="f-desaAreas"
          name="desaAreas"
          aria-describedby="f-desaAreas-hint"
          value="${typedDesa}"
        />`,
    )}
    <button type="submit">${model.submitLabel}</button>
  </form>`
}
