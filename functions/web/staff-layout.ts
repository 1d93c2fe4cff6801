/** The frame of the staff pages: the staff menu with the signed-in user and a CSRF-protected logout. */
import { roleMay } from '../core/authorization/can'
import type { User } from '../core/identity/user'
import type { HttpResult } from '../http/runtime/action'
import { html, type SafeHtml } from './html'
import { page, type PageOptions } from './page'

export const ROLE_LABELS: Readonly<Record<User['role'], string>> = {
  tksk: 'TKSK',
  dinsos: 'Dinas Sosial',
  dinsos_head: 'Kepala Dinas Sosial',
  auditor: 'Auditor',
  admin: 'Administrator',
  dinsos_provinsi: 'Dinas Sosial Provinsi',
}

export interface StaffContext {
  user: User
  /** The CSRF token of the session, for every POST form on the page. */
  csrf: string
}

export const csrfInput = (csrf: string): SafeHtml =>
  html`<input type="hidden" name="_csrf" value="${csrf}" />`

/**
 * Whether `/staff/laporan` (the figures of one kecamatan or kabupaten, ADR 0007) can answer
 * the role: a `dinsos_provinsi` holds a province code, which that page refuses with 400;
 * its monthly reading is the roll-up under "Laporan bulanan" (ADR 0039). The two menu
 * entries and their pages are named apart ("Rekap angka", "Laporan bulanan"): both once
 * opened under the one title "Laporan bulanan TKSK".
 */
const mayOpenAreaFigures = (role: User['role']): boolean =>
  roleMay(role, 'report:monthly') && role !== 'dinsos_provinsi'

/** The report pages the role may open at all (the `report:*` rules of can.ts). */
const reportMenu = (role: User['role']): SafeHtml =>
  html`${roleMay(role, 'report:approvals') ? html`<li><a href="/staff/persetujuan">Persetujuan</a></li>` : ''}${
    roleMay(role, 'report:dashboard') ? html`<li><a href="/staff/dashboard">Dasbor</a></li>` : ''
  }${
    mayOpenAreaFigures(role) ? html`<li><a href="/staff/laporan">Rekap angka</a></li>` : ''
  }${roleMay(role, 'report:monthly') ? html`<li><a href="/staff/laporan-bulanan">Laporan bulanan</a></li>` : ''}${
    roleMay(role, 'mail:read') ? html`<li><a href="/staff/surel">Surel bermasalah</a></li>` : ''
  }${roleMay(role, 'workflow:attention') ? html`<li><a href="/staff/perlu-perhatian">Perlu perhatian</a></li>` : ''}`

export const staffHeader = ({ user, csrf }: StaffContext): SafeHtml =>
  html`<header class="site-header">
    <a class="brand" href="/staff/tasks">tksk-flow · Petugas</a>
    <nav aria-label="Menu petugas">
      <ul>
        ${roleMay(user.role, 'task:list') ? html`<li><a href="/staff/tasks">Tugas saya</a></li>` : ''}
        ${roleMay(user.role, 'case:list') ? html`<li><a href="/staff/cases">Daftar kasus</a></li>` : ''}
        ${roleMay(user.role, 'case:create') ? html`<li><a href="/staff/kasus-baru">Kasus baru</a></li>` : ''}
        ${roleMay(user.role, 'verval:read') ? html`<li><a href="/staff/verval">Verval</a></li>` : ''}
        ${roleMay(user.role, 'audit:read') ? html`<li><a href="/staff/audit">Audit</a></li>` : ''}
        ${roleMay(user.role, 'psks:read') ? html`<li><a href="/staff/psks">PSKS</a></li>` : ''}
        ${roleMay(user.role, 'activity:read') ? html`<li><a href="/staff/kegiatan">Kegiatan</a></li>` : ''}
        ${roleMay(user.role, 'ppks:read') ? html`<li><a href="/staff/ppks">PPKS</a></li>` : ''}
        ${roleMay(user.role, 'ppks:read') ? html`<li><a href="/staff/peta-sosial">Peta sosial</a></li>` : ''}
        ${reportMenu(user.role)}
        ${roleMay(user.role, 'staff:read') ? html`<li><a href="/staff/admin/petugas">Petugas</a></li>` : ''}
        ${roleMay(user.role, 'calendar:manage') ? html`<li><a href="/staff/admin/kalender">Kalender</a></li>` : ''}
        ${roleMay(user.role, 'pengesahan:manage') ? html`<li><a href="/staff/admin/pengesahan">Pengesahan</a></li>` : ''}
        ${roleMay(user.role, 'provider:read') ? html`<li><a href="/staff/admin/penyedia">Penyedia</a></li>` : ''}
      </ul>
    </nav>
    <span>${user.username} (${ROLE_LABELS[user.role]})</span>
    <form method="post" action="/logout">${csrfInput(csrf)}<button type="submit">Keluar</button></form>
  </header>`

export const staffPage = (
  ctx: StaffContext,
  statusCode: number,
  title: string,
  body: SafeHtml,
  options: Omit<PageOptions, 'header'> = {},
): HttpResult => page(statusCode, title, body, { ...options, header: staffHeader(ctx) })
