/**
 * `/staff/surel`: the mail of a kabupaten that did not arrive (ADR 0018). Mail SES refused
 * for good waits here with a "Kirim ulang" button (after the address or the SES account
 * was put right); addresses that bounced or complained are listed so that the staff
 * record or provider can be corrected. Subjects name a case reference or batch id, never
 * a NIK or a category (DESIGN §4), so they may be shown here.
 */
import type { OutboxMailRecord } from '../core/outbox/outbox-mail'
import type { BouncingAddress } from '../data/outbox-repository'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

const PROBLEM_LABELS: Readonly<Record<BouncingAddress['type'], string>> = {
  BOUNCE: 'Ditolak server penerima (bounce)',
  COMPLAINT: 'Dilaporkan sebagai spam',
}

export interface MailProblemsView {
  areaLabel: string
  failed: readonly OutboxMailRecord[]
  bouncing: readonly BouncingAddress[]
  /** The subject of a mail just queued again, to confirm it. */
  resent?: string
}

export const mailProblemsPage = (ctx: StaffContext, view: MailProblemsView) =>
  staffPage(
    ctx,
    200,
    'Surel bermasalah',
    html`<h1>Surel bermasalah — ${view.areaLabel}</h1>
      ${view.resent ? html`<p class="notice" role="status">Surel "${view.resent}" dikirim ulang.</p>` : ''}
      <h2>Gagal dikirim</h2>
      ${
        view.failed.length === 0
          ? html`<p>Tidak ada surel yang gagal dikirim.</p>`
          : dataTable({
              caption: 'Surel yang gagal dikirim',
              columns: ['Waktu', 'Penerima', 'Perihal', 'Alasan', 'Tindakan'],
              rows: view.failed.map(
                (mail) =>
                  html`<tr>
                    <td>${mail.failedAt ? formatShort(mail.failedAt, mail.area) : '-'}</td>
                    <td>${mail.to}</td>
                    <td>${mail.subject}</td>
                    <td>${mail.failure?.message ?? '-'}</td>
                    <td>
                      <form method="post" action="/staff/surel/${mail.mailId}/kirim-ulang">
                        ${csrfInput(ctx.csrf)}<button type="submit">Kirim ulang</button>
                      </form>
                    </td>
                  </tr>`,
              ),
            })
      }
      <h2>Alamat bermasalah</h2>
      ${
        view.bouncing.length === 0
          ? html`<p>Tidak ada alamat surel petugas atau mitra yang bermasalah.</p>`
          : dataTable({
              caption: 'Alamat surel yang bermasalah',
              columns: ['Alamat', 'Masalah', 'Waktu', 'Surel terakhir', 'Keterangan'],
              rows: view.bouncing.map(
                (address) =>
                  html`<tr>
                    <td>${address.email}</td>
                    <td>${PROBLEM_LABELS[address.type]}</td>
                    <td>${formatShort(address.at, undefined)}</td>
                    <td>${address.subject}</td>
                    <td>${address.detail}</td>
                  </tr>`,
              ),
            })
      }`,
  )
