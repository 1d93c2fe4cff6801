/** "Tugas saya" (`/staff/tasks`): the caller's open tasks, soonest due first, overdue in red. */
import { TASK_TITLES, type TaskKind } from '../core/case/task-kinds'
import type { HttpResult } from '../http/runtime/action'
import { areaOfReference, formatShort } from './dates'
import { dataTable } from './data-table'
import { html } from './html'
import { type StaffContext, staffPage } from './staff-layout'

/** An item of `GET /api/tasks`. */
export interface TaskItem {
  taskId: string
  caseId: string
  reference: string
  kind: TaskKind
  dueAt: string
}

export const staffTasksPage = (
  ctx: StaffContext,
  model: { items: readonly TaskItem[]; nextCursor: string | null; nowMs: number; notice?: string },
): HttpResult => {
  const rows = model.items.map((task) => {
    const overdue = Date.parse(task.dueAt) < model.nowMs
    return html`<tr><td><a href="/staff/cases/${task.caseId}">${task.reference}</a></td><td>${TASK_TITLES[task.kind] ?? task.kind}</td>
<td${overdue ? html` class="overdue"` : ''}>${formatShort(task.dueAt, areaOfReference(task.reference))}${overdue ? ' — terlambat' : ''}</td>
<td><a href="/staff/tasks/${task.taskId}">Kerjakan<span class="visually-hidden"> tugas ${task.reference}</span></a></td></tr>`
  })
  return staffPage(
    ctx,
    200,
    'Tugas saya',
    html`${model.notice ? html`<p class="notice" role="status">${model.notice}</p>` : ''}
      ${
        model.items.length === 0
          ? html`<p>Tidak ada tugas terbuka.</p>`
          : dataTable({
              caption: 'Tugas terbuka',
              columns: ['Nomor registrasi', 'Tugas', 'Batas waktu', 'Aksi'],
              rows,
            })
      }
      <div class="pager">
        ${model.nextCursor ? html`<a href="/staff/tasks?cursor=${model.nextCursor}">Halaman berikutnya</a>` : ''}
      </div>`,
  )
}
