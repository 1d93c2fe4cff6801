/**
 * "Tugas saya" (`/staff/tasks`): the caller's open tasks, soonest due first, overdue in
 * red. The home visits (assessment tasks) come first as the day's agenda (issue 19): one
 * list per due day, each visit named by its desa and kecamatan, readable on a 360 px
 * phone without sideways scrolling; the other tasks follow in the table.
 */
import { formatLocalDay } from '../core/calendar/local-time'
import { TASK_TITLES, type TaskKind } from '../core/case/task-kinds'
import type { HttpResult } from '../http/runtime/action'
import { areaOfReference, formatShort } from './dates'
import { dataTable } from './data-table'
import { html, type SafeHtml } from './html'
import { type StaffContext, staffPage } from './staff-layout'

/** An item of `GET /api/tasks`, with the desa of its case where the page found it. */
export interface TaskItem {
  taskId: string
  caseId: string
  reference: string
  kind: TaskKind
  dueAt: string
  villageCode?: string
}

export interface StaffTasksModel {
  items: readonly TaskItem[]
  nextCursor: string | null
  nowMs: number
  notice?: string
  placeName: (code: string) => string
}

const dueText = (task: TaskItem, overdue: boolean) =>
  html`<span${overdue ? html` class="overdue"` : ''}
    >${formatShort(task.dueAt, areaOfReference(task.reference))}${overdue ? ' — terlambat' : ''}</span
  >`

/** The visits grouped by the local day they are due, in the list's order (soonest first). */
const visitAgenda = (visits: readonly TaskItem[], model: StaffTasksModel): SafeHtml => {
  const days = new Map<string, TaskItem[]>()
  for (const visit of visits) {
    const day = formatLocalDay(visit.dueAt, areaOfReference(visit.reference) ?? '32')
    days.set(day, [...(days.get(day) ?? []), visit])
  }
  return html`<h2>Agenda kunjungan asesmen</h2>
    ${[...days].map(
      ([day, items]) =>
        html`<h3>Batas ${day}</h3>
          <ul class="agenda">
            ${items.map((visit) => {
              const overdue = Date.parse(visit.dueAt) < model.nowMs
              return html`<li>
                <strong
                  >${visit.villageCode ? model.placeName(visit.villageCode) : 'Desa belum diketahui'}</strong
                ><br />
                ${TASK_TITLES[visit.kind]} · ${visit.reference} · batas ${dueText(visit, overdue)}<br />
                <a href="/staff/tasks/${visit.taskId}"
                  >Kerjakan<span class="visually-hidden"> tugas ${visit.reference}</span></a
                >
                ·
                <a href="/staff/cases/${visit.caseId}"
                  >Lihat kasus<span class="visually-hidden"> ${visit.reference}</span></a
                >
              </li>`
            })}
          </ul>`,
    )}`
}

export const staffTasksPage = (ctx: StaffContext, model: StaffTasksModel): HttpResult => {
  const visits = model.items.filter((task) => task.kind === 'ASSESSMENT')
  const others = model.items.filter((task) => task.kind !== 'ASSESSMENT')
  const rows = others.map((task) => {
    const overdue = Date.parse(task.dueAt) < model.nowMs
    return html`<tr>
      <td><a href="/staff/cases/${task.caseId}">${task.reference}</a></td>
      <td>${TASK_TITLES[task.kind] ?? task.kind}</td>
      <td>${task.villageCode ? model.placeName(task.villageCode) : '-'}</td>
      <td>${dueText(task, overdue)}</td>
      <td>
        <a href="/staff/tasks/${task.taskId}"
          >Kerjakan<span class="visually-hidden"> tugas ${task.reference}</span></a
        >
      </td>
    </tr>`
  })
  return staffPage(
    ctx,
    200,
    'Tugas saya',
    html`${model.notice ? html`<p class="notice" role="status">${model.notice}</p>` : ''}
      ${model.items.length === 0 ? html`<p>Tidak ada tugas terbuka.</p>` : ''}
      ${visits.length > 0 ? visitAgenda(visits, model) : ''}
      ${
        others.length > 0
          ? html`${visits.length > 0 ? html`<h2>Tugas lain</h2>` : ''}
            ${dataTable({
              caption: 'Tugas terbuka',
              columns: ['Nomor registrasi', 'Tugas', 'Desa/kelurahan', 'Batas waktu', 'Aksi'],
              rows,
            })}`
          : ''
      }
      <div class="pager">
        ${model.nextCursor ? html`<a href="/staff/tasks?cursor=${model.nextCursor}">Halaman berikutnya</a>` : ''}
      </div>`,
  )
}
