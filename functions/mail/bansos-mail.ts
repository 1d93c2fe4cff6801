/**
 * The emails of a complaint, proposal or objection (ADR 0036): the filer's receipt with
 * the access code, and the TKSK's forwarding to Dinsos, the bank penyalur or the
 * pendamping PKH. The receipt names nobody but the filer (an objection never repeats the
 * objected person); the forwarding carries what its recipient needs to act: program,
 * kind, the person's name and desa, the submission and the TKSK's findings, never a NIK.
 */
import { type BansosDetails, type BansosFiler, bansosSubjectLine } from '../core/bansos/bansos-case'
import { FORWARD_TARGET_LABELS, type ForwardTarget } from '../core/bansos/verification'
import { CASE_KIND_LABELS } from '../core/case/case-kind'
import type { CaseRecord } from '../core/case/case-record'
import { statusPageUrl } from '../core/case/status-url'
import type { Mail } from './mail'
import { html } from '../web/html'

export const composeBansosReceiptMail = (
  record: Pick<CaseRecord, 'reference' | 'accessCode' | 'kind'>,
  filer: BansosFiler,
  publicBaseUrl: string,
): Mail | undefined => {
  if (!filer.email || !record.accessCode) return undefined
  const statusUrl = statusPageUrl(publicBaseUrl, record.reference)
  const greeting = filer.name ? `Yth. ${filer.name},` : 'Yth. Bapak/Ibu,'
  const what = CASE_KIND_LABELS[record.kind ?? 'LAYANAN'].toLowerCase()
  return {
    to: filer.email,
    subject: `[${record.reference}] Pengajuan Anda sudah diterima`,
    text: [
      greeting,
      '',
      `${what[0]?.toUpperCase()}${what.slice(1)} Anda sudah kami terima dengan nomor registrasi ${record.reference}.`,
      `Kode akses: ${record.accessCode}`,
      '',
      `TKSK kecamatan akan memverifikasinya dalam 5 hari kerja. Cek status di ${statusUrl} dengan nomor registrasi dan kode akses di atas.`,
      'Jangan berikan kode akses kepada orang lain. Petugas tidak pernah meminta uang untuk layanan ini.',
      '',
      'Dinas Sosial',
    ].join('\n'),
    html: html`<p>${greeting}</p>
      <p>
        Pengajuan (${what}) Anda sudah kami terima dengan nomor registrasi
        <strong>${record.reference}</strong>.
      </p>
      <p>Kode akses: <strong>${record.accessCode}</strong></p>
      <p>
        TKSK kecamatan akan memverifikasinya dalam 5 hari kerja. <a href="${statusUrl}">Cek status</a> dengan
        nomor registrasi dan kode akses di atas. Jangan berikan kode akses kepada orang lain.
      </p>
      <p>Dinas Sosial</p>`.value,
  }
}

export const composeForwardMail = (input: {
  record: Pick<CaseRecord, 'reference' | 'kind' | 'applicant' | 'description'> & { bansos: BansosDetails }
  target: ForwardTarget
  to: string
  villageName: string
  findings: string
  tksk: string
}): Mail => {
  const { record } = input
  const kind = record.kind ?? 'PENGADUAN'
  const summary = bansosSubjectLine(kind, record.bansos)
  const lines: [string, string][] = [
    ['Pengajuan', summary],
    [
      kind === 'SANGGAH' ? 'KPM yang disanggah' : kind === 'USUL' ? 'Keluarga yang diusulkan' : 'KPM',
      record.applicant.name,
    ],
    ['Desa/kelurahan', `${input.villageName} (${record.applicant.villageCode})`],
    ['Uraian', record.description ?? '-'],
    ['Hasil verifikasi TKSK', input.findings],
    ['TKSK', input.tksk],
  ]
  return {
    to: input.to,
    subject: `[${record.reference}] Diteruskan kepada ${FORWARD_TARGET_LABELS[input.target]}: ${CASE_KIND_LABELS[kind]}`,
    text: [
      `Yth. ${FORWARD_TARGET_LABELS[input.target]},`,
      '',
      `TKSK kecamatan meneruskan pengajuan bansos ${record.reference} untuk ditindaklanjuti:`,
      '',
      ...lines.map(([label, value]) => `${label}: ${value}`),
      '',
      'Mohon tindak lanjuti sesuai kewenangan Anda dan kabari TKSK kecamatan.',
      '',
      'Dinas Sosial',
    ].join('\n'),
    html: html`<p>Yth. ${FORWARD_TARGET_LABELS[input.target]},</p>
      <p>
        TKSK kecamatan meneruskan pengajuan bansos <strong>${record.reference}</strong> untuk ditindaklanjuti:
      </p>
      <dl>
        ${lines.map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      <p>Mohon tindak lanjuti sesuai kewenangan Anda dan kabari TKSK kecamatan.</p>
      <p>Dinas Sosial</p>`.value,
  }
}
