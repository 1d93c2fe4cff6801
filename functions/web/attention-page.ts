/**
 * `/staff/perlu-perhatian` (issue 17, ADR 0025, 0040): the cases, verval batches and laporan
 * bulanan of a kabupaten whose workflow stopped on a failed step, with the step and the error, and
 * "Coba lagi" to run the step again once the fault is put right — within AWS's 14 days of
 * redrive; past them the row says plainly that it cannot be retried and what to do.
 * Shows the reference (or program and period) and the error name only: no NIK, name or
 * free text of the case.
 */
import { isRetryable } from '../core/attention/attention'
import { ATTENTION_STATE_LABELS, PAST_RETRY_ADVICE } from '../core/attention/attention-labels'
import { laporanIdParts } from '../core/laporan/laporan-record'
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

/** Where "Coba lagi" posts, and the page of the halted thing, by its kind. */
const pathsOf = (item: AttentionItem): { retry: string; page: string } => {
  switch (item.kind) {
    case 'CASE':
      return { retry: `/staff/perlu-perhatian/kasus/${item.id}/coba-lagi`, page: `/staff/cases/${item.id}` }
    case 'BATCH':
      return { retry: `/staff/perlu-perhatian/verval/${item.id}/coba-lagi`, page: `/staff/verval/${item.id}` }
    case 'LAPORAN': {
      const { kecamatan, month } = laporanIdParts(item.id)
      return {
        retry: `/staff/perlu-perhatian/laporan/${kecamatan}/${month}/coba-lagi`,
        page: `/staff/laporan-bulanan?area=${kecamatan}&month=${month}`,
      }
    }
  }
}

const retryPath = (item: AttentionItem): string => pathsOf(item).retry

const subjectCell = (item: AttentionItem) => html`<a href="${pathsOf(item).page}">${item.label}</a>`

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
        Proses kasus, verval, dan laporan bulanan di bawah ini berhenti karena gangguan sistem pada satu
        langkah. Setelah gangguannya diatasi, pilih "Coba lagi" untuk menjalankan langkah itu kembali (paling
        lambat 14 hari setelah gangguan).
      </p>
      ${view.retried ? html`<p class="notice" role="status">${view.retried} sedang diproses ulang.</p>` : ''}
      ${
        view.items.length === 0
          ? html`<p>Tidak ada proses yang berhenti.</p>`
          : dataTable({
              caption: 'Proses yang berhenti karena gangguan',
              columns: ['Waktu', 'Kasus, verval, atau laporan', 'Langkah', 'Galat', 'Tindakan'],
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
