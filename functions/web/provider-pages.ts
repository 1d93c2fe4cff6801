/**
 * "Penyedia layanan" (`/staff/admin/penyedia`, issue 13): the directory of a
 * kabupaten/kota with a form to add one, and a provider's page to change it or switch it
 * on and off. Routing reads only this directory, which the pages say.
 */
import { PROVIDER_KIND_LABELS, serviceLabel } from '../core/catalog/services'
import type { ProviderView } from '../core/providers/provider-record'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { dataTable } from './data-table'
import { errorSummary, inputField } from './fields'
import { html } from './html'
import { providerForm, type ProviderFormModel } from './provider-form'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export const PROVIDERS_PATH = '/staff/admin/penyedia'

export interface ProviderListModel {
  /** Absent for a national admin who has not picked a kabupaten/kota yet. */
  kabupaten?: { code: string; name: string }
  /** National admins pick the kabupaten/kota by code. */
  areaFree: boolean
  areaValue: string
  areaErrors: readonly ErrorDetail[]
  items: readonly ProviderView[]
  nextCursor: string | null
  notice?: string
  form?: ProviderFormModel
  areaName: (code: string) => string
}

const areasText = (areas: readonly string[], areaName: (code: string) => string) =>
  areas.map((a) => `${areaName(a)} (${a})`).join(', ')

const areaFilter = (model: ProviderListModel) => {
  const state = { values: { area: model.areaValue }, errors: model.areaErrors }
  return html`<form method="get" action="${PROVIDERS_PATH}">
    ${errorSummary(state, ['area'])}
    ${inputField(state, {
      name: 'area',
      label: 'Kabupaten/kota',
      hint: 'Kode kabupaten/kota, mis. 32.01.',
      required: true,
      inputmode: 'decimal',
    })}
    <button type="submit">Tampilkan</button>
  </form>`
}

export const providerListPage = (
  ctx: StaffContext,
  model: ProviderListModel,
  statusCode = 200,
): HttpResult => {
  const { kabupaten } = model
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(model.areaFree && kabupaten ? { area: kabupaten.code } : {}),
      ...extra,
    }).toString()
  const rows = model.items.map(
    (p) =>
      html`<tr>
        <th scope="row"><a href="${PROVIDERS_PATH}/${p.providerId}">${p.name}</a></th>
        <td>${PROVIDER_KIND_LABELS[p.kind]}</td>
        <td>${p.services.map(serviceLabel).join(', ')}</td>
        <td>${areasText(p.areas, model.areaName)}</td>
        <td>${p.active ? 'Aktif' : 'Nonaktif'}</td>
      </tr>`,
  )
  return staffPage(
    ctx,
    statusCode,
    kabupaten ? `Penyedia layanan — ${kabupaten.name}` : 'Penyedia layanan',
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
      <p>
        Kasus dirujuk hanya kepada penyedia aktif di daftar ini: penyedia desa/kelurahan pemohon didahulukan,
        lalu kecamatan, lalu seluruh kabupaten/kota. Bila tidak ada, Dinas Sosial diminta memilih penyedia.
      </p>
      ${model.areaFree ? areaFilter(model) : ''}
      ${
        kabupaten
          ? html`${
                model.items.length === 0
                  ? html`<p>Belum ada penyedia.</p>`
                  : dataTable({
                      caption: 'Daftar penyedia',
                      columns: ['Nama', 'Jenis', 'Layanan', 'Wilayah', 'Status'],
                      rows,
                    })
              }
              <div class="pager">
                ${model.nextCursor ? html`<a href="${PROVIDERS_PATH}?${query({ cursor: model.nextCursor })}">Halaman berikutnya</a>` : ''}
              </div>
              ${
                model.form
                  ? html`<h2 id="tambah">Tambah penyedia</h2>
                      ${providerForm(model.form)}`
                  : ''
              }`
          : ''
      }`,
  )
}

export const providerEditPage = (
  ctx: StaffContext,
  model: { provider: ProviderView; form: ProviderFormModel; notice?: string; backHref: string },
  statusCode = 200,
): HttpResult => {
  const { provider } = model
  const toggle = provider.active
    ? {
        value: 'false',
        label: 'Nonaktifkan penyedia',
        hint: 'Kasus baru tidak lagi dirujuk ke penyedia ini.',
      }
    : { value: 'true', label: 'Aktifkan penyedia', hint: 'Kasus baru dapat kembali dirujuk ke penyedia ini.' }
  return staffPage(
    ctx,
    statusCode,
    `Ubah penyedia — ${provider.name}`,
    html`${model.notice ? html`<p class="ok" role="status">${model.notice}</p>` : ''}
      <p><a href="${model.backHref}">Kembali ke daftar penyedia</a></p>
      <p>Status: <strong>${provider.active ? 'Aktif' : 'Nonaktif'}</strong></p>
      <form method="post" action="${PROVIDERS_PATH}/${provider.providerId}/status">
        ${csrfInput(ctx.csrf)}
        <input type="hidden" name="active" value="${toggle.value}" />
        <p class="hint">${toggle.hint}</p>
        <button type="submit" class="secondary">${toggle.label}</button>
      </form>
      <h2>Data penyedia</h2>
      ${providerForm(model.form)}`,
  )
}
