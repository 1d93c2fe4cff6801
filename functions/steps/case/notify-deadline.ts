/** When an approval runs out (DESIGN §3.4) the head and the auditors are told, by plain notice (no link). */
import type { TaskRecord } from '../../core/case/task-record'
import { claimTaskMail } from '../../data/task-repository'
import { auditorsFor, headFor } from '../../flows/case/routing'
import { sendMail } from '../../flows/case/send-mail'
import { nowIso } from '../../shared/clock'
import { html } from '../../web/html'

export const notifyDeadline = async (task: TaskRecord, reason: string): Promise<void> => {
  const recipients = [await headFor(task.area), ...(await auditorsFor(task.area))]
  for (const person of recipients) {
    if (!(await claimTaskMail(task.taskId, `deadline:${person.id}`, nowIso()))) continue
    const text = `Yth. ${person.name},\n\nBatas akhir persetujuan kasus ${task.reference} telah lewat tanpa keputusan. Kasus ditutup dengan hasil Tidak Terlayani (${reason}).\n\nDinas Sosial — tksk-flow`
    await sendMail({
      to: person.email,
      subject: `[${task.reference}] Batas akhir persetujuan terlewati`,
      text,
      html: html`<p>Yth. ${person.name},</p>
        <p>
          Batas akhir persetujuan kasus <strong>${task.reference}</strong> telah lewat tanpa keputusan. Kasus
          ditutup dengan hasil Tidak Terlayani (${reason}).
        </p>`.value,
    })
  }
}
