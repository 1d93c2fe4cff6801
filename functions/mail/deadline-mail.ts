/** The plain notice (no link) to the head and the auditors when an approval runs out (DESIGN §3.4). */
import type { Person } from '../core/case/case-record'
import type { TaskRecord } from '../core/case/task-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export const composeDeadlineMail = (task: TaskRecord, person: Person, reason: string): Mail => ({
  to: person.email,
  subject: `[${task.reference}] Batas akhir persetujuan terlewati`,
  text: `Yth. ${person.name},\n\nBatas akhir persetujuan kasus ${task.reference} telah lewat tanpa keputusan. Kasus ditutup dengan hasil Tidak Terlayani (${reason}).\n\nDinas Sosial — tksk-flow`,
  html: html`<p>Yth. ${person.name},</p>
    <p>
      Batas akhir persetujuan kasus <strong>${task.reference}</strong> telah lewat tanpa keputusan. Kasus
      ditutup dengan hasil Tidak Terlayani (${reason}).
    </p>`.value,
})
