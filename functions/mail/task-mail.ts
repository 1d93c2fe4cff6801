/**
 * The email of a task (DESIGN §2, §4): Bahasa Indonesia, the case reference in subject
 * and body, what is asked, the due date in the area's zone, and a link of its own. Never
 * the NIK, never the PPKS category (sensitive categories would leak through a mailbox).
 */
import { formatLocalTime } from '../core/calendar/local-time'
import type { Person } from '../core/case/case-record'
import { TASK_ASKS, TASK_TITLES } from '../core/case/task-kinds'
import type { TaskRecord } from '../core/case/task-record'
import { html } from '../web/html'
import type { Mail } from './mail'

export type TaskMailKind = 'ASK' | 'REMINDER' | 'ESCALATION' | 'HANDOVER'

const LEADS: Record<TaskMailKind, string> = {
  ASK: 'Ada tugas baru untuk Anda.',
  REMINDER: 'Pengingat: tugas berikut belum diselesaikan.',
  ESCALATION: 'Eskalasi: tugas berikut melewati batas waktu dan kini juga ditujukan kepada Anda.',
  HANDOVER:
    'Tugas berikut dialihkan kepada Anda karena petugas sebelumnya tidak lagi bertugas di wilayah ini.',
}

const SUBJECT_PREFIX: Record<TaskMailKind, string> = {
  ASK: 'Tugas',
  REMINDER: 'Pengingat',
  ESCALATION: 'Eskalasi',
  HANDOVER: 'Pengalihan tugas',
}

export const composeTaskMail = (
  task: TaskRecord,
  recipient: Person,
  kind: TaskMailKind,
  url: string,
): Mail => {
  const title = TASK_TITLES[task.kind]
  const due = formatLocalTime(task.dueAt, task.area)
  const subject = `[${task.reference}] ${SUBJECT_PREFIX[kind]}: ${title}`
  const text = [
    `Yth. ${recipient.name},`,
    '',
    LEADS[kind],
    '',
    `Nomor registrasi kasus: ${task.reference}`,
    `Tugas: ${title}`,
    `Yang diminta: ${TASK_ASKS[task.kind]}`,
    `Batas waktu: ${due}`,
    '',
    'Buka tautan berikut untuk melihat kasus dan mengisi keputusan (tautan ini khusus untuk Anda, jangan diteruskan):',
    url,
    '',
    'Dinas Sosial — tksk-flow',
  ].join('\n')
  const body = html`<p>Yth. ${recipient.name},</p>
    <p>${LEADS[kind]}</p>
    <p>
      Nomor registrasi kasus: <strong>${task.reference}</strong><br />Tugas: ${title}<br />Yang diminta:
      ${TASK_ASKS[task.kind]}<br />Batas waktu: ${due}
    </p>
    <p><a href="${url}">Buka tugas</a> (tautan ini khusus untuk Anda, jangan diteruskan).</p>
    <p>Dinas Sosial — tksk-flow</p>`
  return { to: recipient.email, subject, text, html: body.value }
}
