/** The plain notice (no link) to the head and the auditors when a Dinsos task (an approval, a provider choice) runs out (DESIGN §3.4). */
import type { Person } from '../core/case/case-record'
import { TASK_TITLES } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export const composeDeadlineMail = (task: TaskRecord, person: Person, reason: string): Mail => {
  const what = task.kind === 'APPROVAL' ? 'persetujuan' : `tugas "${TASK_TITLES[task.kind]}"`
  return {
    to: person.email,
    subject: `[${task.reference}] Batas akhir ${what} terlewati`,
    text: `Yth. ${person.name},\n\nBatas akhir ${what} kasus ${task.reference} telah lewat tanpa keputusan. Kasus ditutup dengan hasil Tidak Terlayani (${reason}).\n\nDinas Sosial — tksk-flow`,
    html: html`<p>Yth. ${person.name},</p>
      <p>
        Batas akhir ${what} kasus <strong>${task.reference}</strong> telah lewat tanpa keputusan. Kasus
        ditutup dengan hasil Tidak Terlayani (${reason}).
      </p>`.value,
  }
}
