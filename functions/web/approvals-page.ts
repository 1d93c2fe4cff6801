/**
 * "Antrean persetujuan" (`/staff/persetujuan`): the approvals waiting in a kabupaten,
 * the longest waiting first, with their age in hari kerja and days; overdue in red, the
 * escalated ones marked; the task page linked for the caller's own tasks.
 */
import type { QueueRow } from '../core/reports/approval-queue'
import { serviceLabel } from '../core/catalog/services'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html } from './html'
import { type StaffContext, staffPage } from './staff-layout'

export interface ApprovalsModel {
  areaLabel: string
  rows: readonly QueueRow[]
  areaName: (code: string) => string
}

export const approvalsPage = (ctx: StaffContext, model: ApprovalsModel): HttpResult => {
  const rows = model.rows.map(
    (row) => html`<tr>
      <th scope="row"><a href="/staff/cases/${row.caseId}">${row.reference}</a>${
        row.escalated ? html` <span class="badge">Eskalasi</span>` : ''
      }</th>
      <td>${model.areaName(row.kecamatan)}</td>
      <td>${row.service ? serviceLabel(row.service) : '—'}</td>
      <td>${formatShort(row.since, row.kecamatan)}</td>
      <td>${row.ageWorkingDays} hari kerja (${row.ageDays} hari)</td>
      <td${row.overdue ? html` class="overdue"` : ''}>${formatShort(row.dueAt, row.kecamatan)}${row.overdue ? ' — terlambat' : ''}</td>
      <td>${
        row.mine
          ? html`<a href="/staff/tasks/${row.taskId}"
              >Putuskan<span class="visually-hidden"> ${row.reference}</span></a
            >`
          : '—'
      }</td>
    </tr>`,
  )
  return staffPage(
    ctx,
    200,
    'Antrean persetujuan',
    html`<p>
        ${model.areaLabel}: ${model.rows.length} rekomendasi menunggu keputusan, yang paling lama menunggu di
        atas.
      </p>
      ${
        model.rows.length === 0
          ? html`<p>Tidak ada rekomendasi yang menunggu persetujuan.</p>`
          : dataTable({
              caption: 'Rekomendasi menunggu persetujuan',
              columns: [
                'Nomor registrasi',
                'Kecamatan',
                'Layanan',
                'Menunggu sejak',
                'Lama menunggu',
                'Batas waktu',
                'Aksi',
              ],
              rows,
            })
      }`,
  )
}
