/**
 * `/staff/perlu-perhatian` (issue 17, ADR 0025, 0040): the cases and verval batches of a
 * kabupaten whose workflow stopped on a failed step, with the step and the error, and
 * "Coba lagi" to run the step again once the fault is put right — within AWS's 14 days of
 * redrive; past them the row says plainly that it cannot be retried and what to do.
 * Shows the reference (or program and period) and the error name only: no NIK, name or
 * free text of the case.
 */
import { isRetryable } from '../core/attention/attention'
import { ATTENTION_STATE_LABELS, PAST_RETRY_ADVICE } from '../core/attention/attention-labels'
import type { AttentionItem } from '../data/attention-repository'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export interface AttentionView {
  areaLabel: string
  items: readonly AttentionItem[]
  /** The reference (or batch label) just retried, to confirm it. */
  retried?: string
  /** The project clock's now: whether each halt is still within the redrive window. */
  now: Date
}

const retryPath = (item: AttentionItem): string =>
  item.kind === 'CASE'
    ? `/staff/perlu-perhatian/kasus/${item.id}/coba-lagi`
    : `/staff/perlu-perhatian/verval/${item.id}/coba-lagi`

const subjectCell = (item: AttentionItem) =>
  item.kind === 'CASE'
    ? html`<a href="/staff/cases/${item.id}">${item.label}</a>`
    : html`<a href="/staff/verval/${item.id}">${item.label}</a>`

const actionCell = (ctx: StaffContext, item: AttentionItem, now: Date) =>
  isRetryable(item, now)
    ? html`<form method="post" action="${retryPath(item)}">
        ${csrfInput(ctx.csrf)}<button type="submit">Coba lagi</button>
      </form>`
    : html`<p>Tidak dapat dicoba lagi: gagal lebih dari 14 hari lalu. ${PAST_RETRY_ADVICE[item.kind]}</p>`

const stepLabel = (state: string): string => ATTENTION_STATE_LABELS[state] ?? state

export const attentionPage = (ctx: StaffContext, view: AttentionView) =>
  staffPage(
    ctx,
    200,
    'Perlu perhatian',
    html`<h1>Perlu perhatian — ${view.areaLabel}</h1>
      <p>
        Proses kasus dan verval di bawah ini berhenti karena gangguan sistem pada satu langkah. Setelah
        gangguannya diatasi, pilih "Coba lagi" untuk menjalankan langkah itu kembali (paling lambat 14 hari
        setelah gangguan).
      </p>
      ${view.retried ? html`<p class="notice" role="status">${view.retried} sedang diproses ulang.</p>` : ''}
      ${
        view.items.length === 0
          ? html`<p>Tidak ada proses yang berhenti.</p>`
          : dataTable({
              caption: 'Proses yang berhenti karena gangguan',
              columns: ['Waktu', 'Kasus atau verval', 'Langkah', 'Galat', 'Tindakan'],
              rows: view.items.map(
                (item) =>
                  html`<tr>
                    <td>${formatShort(item.at, item.area)}</td>
                    <td>${subjectCell(item)}</td>
                    <td>${stepLabel(item.state)}</td>
                    <td>
                      <code>${item.error}</code>${item.cause ? html`<br /><small>${item.cause}</small>` : ''}
                    </td>
                    <td>
                      ${
                        item.retryRequestedAt
                          ? html`<p>Dicoba lagi ${formatShort(item.retryRequestedAt, item.area)}</p>`
                          : ''
                      }
                      ${actionCell(ctx, item, view.now)}
                    </td>
                  </tr>`,
              ),
            })
      }`,
  )
