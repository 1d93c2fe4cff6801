/**
 * Reminders and escalations of the monthly pengesahan deadline (issue 21.5, ADR 0035).
 * They name the period, the place and what is late, never a family: no NIK, no name.
 */
import type { Person } from '../core/case/case-record'
import type { LateItem, Milestone } from '../core/verval/pengesahan'
import { html } from '../web/html'
import type { Mail } from './mail'

export interface PengesahanMailInput {
  item: LateItem
  milestone: Milestone
  period: string
  /** `25 Desember 2026`. */
  deadlineLabel: string
  /** The subject's name as people know it: `Kecamatan Leuwiliang`, `Kabupaten Bogor`, `BPNT`. */
  subjectLabel: string
  pageUrl: string
}

const whatIsLate = (input: PengesahanMailInput): string => {
  switch (input.item.kind) {
    case 'NOT_UPLOADED':
      return `${input.subjectLabel} belum mengunggah verval periode ${input.period}`
    case 'DESA_PARTS_MISSING':
      return `${input.item.count ?? 0} hasil musdes desa untuk verval periode ${input.period} di ${input.subjectLabel} belum masuk`
    case 'AWAITING_APPROVAL':
      return `${input.item.count ?? 0} batch verval periode ${input.period} di ${input.subjectLabel} menunggu persetujuan`
    case 'NOT_SIGNED':
      return `Berita Acara Daftar KPM Perubahan program ${input.subjectLabel} periode ${input.period} belum dicatat ditandatangani`
  }
}

/** The desa still waited for, by name and program: what the TKSK follows up (no row, no family). */
const desaList = (input: PengesahanMailInput): string[] =>
  (input.item.desaParts ?? []).map((part) => `${part.desaName} (${part.program})`)

export const composePengesahanMail = (person: Person, input: PengesahanMailInput): Mail => {
  const late = whatIsLate(input)
  const desa = desaList(input)
  const escalated = input.milestone === 'ESCALATE'
  const head = escalated
    ? `Batas pengesahan ${input.deadlineLabel} telah tiba: ${late}.`
    : `Pengingat: ${late}. Batas pengesahan ${input.deadlineLabel}.`
  return {
    to: person.email,
    subject: `[Verval ${input.period}] ${escalated ? 'Eskalasi' : 'Pengingat'}: ${late}`,
    text: `Yth. ${person.name},\n\n${head}\n\n${desa.length > 0 ? `Desa yang belum mengirim:\n${desa.map((name) => `- ${name}`).join('\n')}\n\n` : ''}Lihat keadaan tiap kecamatan: ${input.pageUrl}\n\nDinas Sosial — tksk-flow`,
    html: html`<p>Yth. ${person.name},</p>
      <p>${head}</p>
      ${
        desa.length > 0
          ? html`<p>Desa yang belum mengirim:</p>
              <ul>
                ${desa.map((name) => html`<li>${name}</li>`)}
              </ul>`
          : ''
      }
      <p>Lihat keadaan tiap kecamatan: <a href="${input.pageUrl}">${input.pageUrl}</a></p>`.value,
  }
}
