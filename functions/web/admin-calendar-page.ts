/**
 * `/staff/admin/kalender` (issue 13, ADR 0015): a year's cuti bersama and holiday
 * corrections, edited as one line per day ("YYYY-MM-DD Keterangan") in a plain form:
 * no JavaScript needed, pasted straight from the SKB's table.
 */
import type { CalendarYear } from '../core/calendar/days-off'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { errorSummary, type FormState, inputField, textareaField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export interface CalendarPageModel {
  year: number
  list?: CalendarYear
  /** May the viewer change the list (`calendar:manage`)? */
  editable: boolean
  form: FormState
  saved?: boolean
}

export const DAYS_FIELD = 'daysOff'

const SOURCE_LABELS: Readonly<Record<CalendarYear['source'], string>> = {
  stored: 'disimpan oleh administrator',
  'built-in': 'bawaan sistem (SKB 3 Menteri)',
}

/** The list as the form's text: one day per line. */
export const daysOffText = (list: CalendarYear | undefined): string =>
  (list?.daysOff ?? []).map((day) => `${day.date} ${day.label}`).join('\n')

const listSection = (model: CalendarPageModel): SafeHtml =>
  model.list && model.list.daysOff.length > 0
    ? html`<p>Sumber: ${SOURCE_LABELS[model.list.source]}.</p>
        ${dataTable({
          caption: `Hari libur tambahan ${model.year}`,
          columns: ['Tanggal', 'Keterangan'],
          rows: model.list.daysOff.map(
            (day) =>
              html`<tr>
                <td>${day.date}</td>
                <td>${day.label}</td>
              </tr>`,
          ),
        })}`
    : html`<p class="notice" role="status">
        Belum ada daftar cuti bersama untuk ${model.year}. Batas waktu tugas di tahun ini dihitung tanpa cuti
        bersama dan ditandai pada tugasnya.
      </p>`

export const calendarPage = (ctx: StaffContext, model: CalendarPageModel, statusCode = 200): HttpResult =>
  staffPage(
    ctx,
    statusCode,
    `Kalender hari libur ${model.year}`,
    html`<form method="get" action="/staff/admin/kalender" class="filters">
        <div>
          ${inputField({ values: { tahun: String(model.year) }, errors: [] }, { name: 'tahun', label: 'Tahun', type: 'number', plain: true })}
        </div>
        <div><button type="submit">Tampilkan</button></div>
      </form>
      <p>
        Libur nasional dihitung otomatis. Di sini dicatat cuti bersama dan koreksi tanggal libur sesuai SKB 3
        Menteri, yang dipakai untuk menghitung hari kerja.
      </p>
      ${model.saved ? html`<p class="notice" role="status">Kalender ${model.year} tersimpan.</p>` : ''}
      ${listSection(model)}
      ${
        model.editable
          ? html`<section aria-labelledby="ubah-kalender">
              <h2 id="ubah-kalender">Ubah daftar</h2>
              ${errorSummary(model.form, [DAYS_FIELD])}
              <form method="post" action="/staff/admin/kalender">
                ${csrfInput(ctx.csrf)}<input type="hidden" name="tahun" value="${String(model.year)}" />
                ${textareaField(model.form, {
                  name: DAYS_FIELD,
                  label: 'Hari libur tambahan',
                  hint: 'Satu hari per baris: tanggal (TTTT-BB-HH), spasi, keterangan. Mis. 2027-01-02 Cuti bersama Tahun Baru.',
                  plain: true,
                })}
                <button type="submit">Simpan</button>
              </form>
            </section>`
          : ''
      }`,
  )
