/**
 * `/staff/perlu-perhatian` (issue 17, ADR 0025): the cases of a kabupaten whose workflow
 * stopped on a failed step, with the step and the error, and "Coba lagi" to run the
 * step again once the fault is put right. Shows the reference and the error name only:
 * no NIK, name or free text of the case.
 */
import { ATTENTION_STATE_LABELS } from '../core/attention/attention-labels'
import type { AttentionItem } from '../data/attention-repository'
import { dataTable } from './data-table'
import { formatShort } from './dates'
import { html } from './html'
import { csrfInput, type StaffContext, staffPage } from './staff-layout'

export interface AttentionView {
  areaLabel: string
  items: readonly AttentionItem[]
  /** The reference just retried, to confirm it. */
  retried?: string
}

const stepLabel = (state: string): string => ATTENTION_STATE_LABELS[state] ?? state

export const attentionPage = (ctx: StaffContext, view: AttentionView) =>
  staffPage(
    ctx,
    200,
    'Perlu perhatian',
    html`<h1>Perlu perhatian — ${view.areaLabel}</h1>
      <p>
        Proses kasus di bawah ini berhenti karena gangguan sistem pada satu langkah. Setelah gangguannya
        diatasi, pilih "Coba lagi" untuk menjalankan langkah itu kembali.
      </p>
      ${view.retried ? html`<p class="notice" role="status">Kasus ${view.retried} sedang diproses ulang.</p>` : ''}
      ${
        view.items.length === 0
          ? html`<p>Tidak ada proses yang berhenti.</p>`
          : dataTable({
              caption: 'Proses yang berhenti karena gangguan',
              columns: ['Waktu', 'Kasus', 'Langkah', 'Galat', 'Tindakan'],
              rows: view.items.map(
                (item) =>
                  html`<tr>
                    <td>${formatShort(item.at, item.area)}</td>
                    <td>
                      ${item.kind === 'CASE' ? html`<a href="/staff/cases/${item.id}">${item.label}</a>` : item.label}
                    </td>
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
                      ${
                        item.kind === 'CASE'
                          ? html`<form
                              method="post"
                              action="/staff/perlu-perhatian/kasus/${item.id}/coba-lagi"
                            >
                              ${csrfInput(ctx.csrf)}<button type="submit">Coba lagi</button>
                            </form>`
                          : ''
                      }
                    </td>
                  </tr>`,
              ),
            })
      }`,
  )
