/**
 * The desa's invitation to upload its musdes result (issue 21 item 1, ADR 0033): the
 * kecamatan, program and period, the deadline of the link, and the link itself (its own,
 * not to be forwarded). Never a NIK: the mail carries no row.
 */
import { formatLocalTime } from '../core/calendar/local-time'
import { VERVAL_PROGRAM_LABELS } from '../core/catalog/verval-programs'
import type { DesaPartRecord } from '../core/verval/desa-part'
import { html } from '../web/html'
import type { Mail } from './mail'

export const composeDesaPartMail = (
  part: DesaPartRecord,
  url: string,
  kecamatanName: string,
  desaName: string,
): Mail => {
  const subject = `Unggah hasil musdes: verval ${part.program} ${desaName} periode ${part.period}`
  const lines = [
    `Yth. ${part.contact.name},`,
    '',
    `TKSK ${kecamatanName} meminta hasil musyawarah desa/kelurahan (musdes) untuk verval ` +
      `${VERVAL_PROGRAM_LABELS[part.program]} periode ${part.period}.`,
    'Unggah berkas verval (format yang sama dengan template TKSK, hanya keluarga di desa/kelurahan Anda) ' +
      'beserta tanggal musyawarah melalui tautan berikut.',
    `Tautan berlaku sampai ${formatLocalTime(part.linkExpiresAt, part.kecamatan)} dan hanya untuk satu kali unggah.`,
    '',
    url,
    '',
    'Dinas Sosial — tksk-flow',
  ]
  return {
    to: part.contact.email,
    subject,
    text: lines.join('\n'),
    html: html`<pre>${lines.slice(0, 5).join('\n')}</pre>
      <p>
        <a href="${url}">Unggah hasil musdes</a> (tautan ini khusus untuk desa/kelurahan Anda, jangan
        diteruskan).
      </p>`.value,
  }
}
