/** The local sign-in (a stand-in for the Cognito hosted UI) and the page of a failed hosted-UI sign-in. */
import type { HttpResult } from '../http/runtime/action'
import { html } from './html'
import { page } from './page'
import { ROLE_LABELS } from './staff-layout'
import type { User } from '../core/identity/user'

export interface LoginChoice {
  username: string
  displayName: string
  role: User['role']
  area: string
}

export const localLoginPage = (
  users: readonly LoginChoice[],
  form: { csrf: string; next: string; selected?: string; error?: string },
  statusCode = 200,
  cookies: string[] = [],
): HttpResult =>
  page(
    statusCode,
    'Masuk Petugas',
    html`<p class="notice">
        Lingkungan lokal: pilih salah satu pengguna contoh. Di AWS, halaman ini diganti login Cognito (dengan
        MFA).
      </p>
      ${form.error ? html`<div class="alert" role="alert">${form.error}</div>` : ''}
      <form method="post" action="/login">
        <input type="hidden" name="_csrf" value="${form.csrf}" /><input
          type="hidden"
          name="next"
          value="${form.next}"
        />
        <label for="f-username">Pengguna</label>
        <select id="f-username" name="username" required>
          ${users.map(
            (u) =>
              html`<option value="${u.username}" ${u.username === form.selected ? html` selected` : ''}>
                ${u.displayName} — ${ROLE_LABELS[u.role]}, wilayah ${u.area} (${u.username})
              </option>`,
          )}
        </select>
        <button type="submit">Masuk</button>
      </form>`,
    { cookies },
  )

/** A sign-in through the hosted UI that could not finish: why, in plain words, and the way back. */
export const loginFailedPage = (statusCode: number, message: string, cookies: string[] = []): HttpResult =>
  page(
    statusCode,
    'Gagal masuk',
    html`<div class="alert" role="alert">${message}</div>
      <p><a href="/login">Masuk kembali</a></p>`,
    { cookies },
  )
