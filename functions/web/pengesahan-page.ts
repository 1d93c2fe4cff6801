/**
 * `/staff/pengesahan` (issue 21.5, ADR 0035): each kecamatan's state against the period's
 * pengesahan day, what is late, and the roll-up Berita Acara per program.
 */
import { VERVAL_PROGRAMS } from '../core/catalog/verval-programs'
import { KECAMATAN_STATE_LABELS } from '../core/verval/pengesahan'
import type { KabupatenDeadline } from '../core/verval/pengesahan'
import type { HttpResult } from '../http/runtime/action'
import { dataTable } from './data-table'
import { formatLongDate } from './dates'
import { html, type SafeHtml } from './html'
import { type StaffContext, staffPage } from './staff-layout'

/** The section the Dinsos dashboard shows too: the kecamatan table against the day. */
export const pengesahanSection = (state: KabupatenDeadline, areaName: (code: string) => string): SafeHtml => {
  const passed = state.today >= state.deadline
  return html`<section aria-labelledby="pengesahan-title">
    <h2 id="pengesahan-title">Batas pengesahan verval ${state.period}: ${formatLongDate(state.deadline)}</h2>
    <p>
      ${passed ? 'Batas pengesahan sudah tiba.' : `Hari ini ${formatLongDate(state.today)}.`}
      ${state.day.source === 'default' ? ' (Tanggal bawaan; pengingat aktif setelah admin menetapkan tanggal.)' : ''}
    </p>
    ${dataTable({
      caption: 'Keadaan kecamatan terhadap batas pengesahan',
      columns: ['Kecamatan', 'Keadaan', 'Hasil musdes desa belum masuk'],
      rows: state.kecamatan.map(
        (row) =>
          html`<tr class="${row.state === 'UPLOADED_NONE' && passed ? 'late' : ''}">
            <td>${areaName(row.kecamatan)}</td>
            <td>
              ${KECAMATAN_STATE_LABELS[row.state]}${row.state === 'UPLOADED_NONE' && passed ? ' (terlambat)' : ''}
            </td>
            <td>${String(row.desaPartsMissing)}</td>
          </tr>`,
      ),
    })}
    <p>Batch menunggu persetujuan: ${String(state.awaitingApproval)}.</p>
    <ul>
      ${VERVAL_PROGRAMS.map(
        (program) =>
          html`<li>
            <a
              href="/staff/berita-acara?area=${state.kabupaten}&amp;program=${program}&amp;period=${state.period}"
              >Berita Acara ${program}</a
            >${state.unsignedPrograms.includes(program) ? ' — belum dicatat ditandatangani' : ''}
          </li>`,
      )}
    </ul>
  </section>`
}

export const pengesahanPage = (
  ctx: StaffContext,
  state: KabupatenDeadline,
  areaName: (code: string) => string,
): HttpResult =>
  staffPage(ctx, 200, `Pengesahan verval ${areaName(state.kabupaten)}`, pengesahanSection(state, areaName))
