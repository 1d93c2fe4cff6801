/** A due date counted without its year's cuti bersama (ADR 0015) says so wherever it is shown. */
import type { TaskRecord } from '../core/case/task-record'
import { html, type SafeHtml } from './html'

export const unlistedDueNote = (task: Pick<TaskRecord, 'dueYearUnlisted'>): SafeHtml | '' =>
  task.dueYearUnlisted
    ? html`<br /><small
          >Dihitung tanpa daftar cuti bersama ${task.dueYearUnlisted}, yang belum ditetapkan.</small
        >`
    : ''
