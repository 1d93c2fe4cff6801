/**
 * "Peta sosial" (`/staff/peta-sosial`, issue 16 item 3, ADR 0038): for a kecamatan, its
 * desa × PPKS category and the PSKS present; for a kabupaten/kota, the same by kecamatan.
 * Bar charts drawn on the server (no script) for the places and the categories, the
 * full table beside them, CSV and XLSX downloads, and an A4 print layout (the menu,
 * filter and download links stay off paper).
 */
import type { MapTable } from '../core/ppks/map-table'
import { PSKS_KIND_LABELS } from '../core/psks/psks-kinds'
import { mapCategoryLabel, type SocialMap } from '../core/ppks/ppks-map'
import type { HttpResult } from '../http/runtime/action'
import type { ErrorDetail } from '../shared/errors'
import { barChart } from './bar-chart'
import { type Choice, errorSummary, selectField } from './fields'
import { html } from './html'
import { PPKS_PATH, SOCIAL_MAP_PATH } from './ppks-page'
import { scrollRegion } from './scroll-region'
import { type StaffContext, staffPage } from './staff-layout'

export interface SocialMapModel {
  title: string
  /** The area shown; absent when none could be (a national user who named none). */
  area?: string
  map?: SocialMap
  table?: MapTable
  placeName: (code: string) => string
  rowName: (code: string) => string
  /** Other areas the user may look at (a kabupaten and its kecamatan); empty for a TKSK. */
  choices: readonly Choice[]
  errors: readonly ErrorDetail[]
}

const filter = (model: SocialMapModel) =>
  model.choices.length === 0
    ? ''
    : html`<form method="get" action="${SOCIAL_MAP_PATH}" class="filters no-print">
        ${selectField(
          { values: { area: model.area ?? '' }, errors: model.errors },
          { name: 'area', label: 'Wilayah', plain: true, choices: model.choices },
        )}
        <div><button type="submit">Tampilkan</button></div>
      </form>`

const mapTableView = (table: MapTable, caption: string) =>
  scrollRegion(
    caption,
    html`<table class="map-table">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${table.header.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          ([label, ...cells]) =>
            html`<tr>
              <th scope="row">${String(label)}</th>
              ${cells.map((cell) => html`<td class="${typeof cell === 'number' ? 'num' : ''}">${String(cell)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>`,
  )

const content = (model: SocialMapModel, area: string, map: SocialMap, table: MapTable) => {
  const download = (format: string) => `/api/peta-sosial?${new URLSearchParams({ area, format })}`
  const byPlace = map.rows.filter((r) => r.ppks > 0 || r.psks > 0)
  return html`<p class="no-print">
      Unduh: <a href="${download('csv')}">CSV</a> · <a href="${download('xlsx')}">XLSX</a> ·
      <a href="${PPKS_PATH}">Daftar PPKS</a>
    </p>
    <p class="hint no-print">Untuk mencetak (A4), gunakan menu Cetak pada peramban.</p>
    <p>
      Jumlah PPKS: <strong>${String(map.totals.ppks)}</strong>. Jumlah PSKS aktif:
      <strong>${String(map.totals.psks)}</strong>.
    </p>
    ${
      map.totals.ppks === 0
        ? html`<p>Belum ada PPKS tercatat di ${model.placeName(area)}.</p>`
        : html`<div class="chart-pair">
            ${barChart({
              id: 'grafik-wilayah',
              title: 'PPKS per wilayah',
              bars: byPlace
                .filter((r) => r.ppks > 0)
                .map((r) => ({ label: model.rowName(r.code), value: r.ppks })),
            })}
            ${barChart({
              id: 'grafik-kategori',
              title: 'PPKS per kategori',
              bars: map.categories.map((c) => ({
                label: mapCategoryLabel(c),
                value: map.totals.byCategory[c] ?? 0,
              })),
            })}
          </div>`
    }
    ${
      map.totals.psks === 0
        ? ''
        : barChart({
            id: 'grafik-psks',
            title: 'PSKS aktif per jenis',
            bars: map.kinds.map((k) => ({ label: PSKS_KIND_LABELS[k], value: map.totals.byKind[k] ?? 0 })),
          })
    }
    <h2 id="tabel-peta">Tabel peta sosial</h2>
    ${mapTableView(table, `Peta sosial ${model.placeName(area)}`)}`
}

export const socialMapPage = (ctx: StaffContext, model: SocialMapModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    model.title,
    html`${errorSummary({ values: {}, errors: model.errors }, ['area'])} ${filter(model)}
    ${model.area && model.map && model.table ? content(model, model.area, model.map, model.table) : ''}`,
  )
