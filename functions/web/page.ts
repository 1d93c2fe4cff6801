/** The frame of every HTML page: Bahasa Indonesia, readable at 360 px, no inline script or style. */
import type { HttpResult } from '../http/runtime/action'
import { type AssetName, assetUrl } from './assets/assets'
import { html, type SafeHtml } from './html'

export interface PageOptions {
  /** Scripts of `/assets`, loaded deferred at the end of the page. */
  scripts?: readonly AssetName[]
  /** The bar above the content: the public links by default, the staff menu when signed in. */
  header?: SafeHtml
  headers?: Record<string, string>
  cookies?: string[]
  /** Reloads the page every so many seconds: a progress view that follows a running job without JavaScript. */
  refreshSeconds?: number
}

export const publicHeader = (): SafeHtml =>
  html`<header class="site-header">
    <a class="brand" href="/">Layanan Dinas Sosial</a>
    <nav aria-label="Menu utama">
      <ul>
        <li><a href="/">Ajukan permohonan</a></li>
        <li><a href="/status">Cek status</a></li>
        <li><a href="/cek-kpm">Cek KPM</a></li>
        <li><a href="/pengaduan">Pengaduan bansos</a></li>
        <li><a href="/login">Masuk petugas</a></li>
      </ul>
    </nav>
  </header>`

export const page = (
  statusCode: number,
  title: string,
  body: SafeHtml,
  options: PageOptions = {},
): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...options.headers,
  },
  ...(options.cookies && options.cookies.length > 0 ? { cookies: options.cookies } : {}),
  body: html`<!doctype html>
    <html lang="id">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />` : ''}
        <title>${title} — Dinas Sosial</title>
        <link rel="stylesheet" href="${assetUrl('app.css')}" />
      </head>
      <body>
        ${options.header ?? publicHeader()}
        <main id="isi">
          <h1>${title}</h1>
          ${body}
        </main>
        <footer>Dinas Sosial · tksk-flow</footer>
        ${(options.scripts ?? []).map((name) => html`<script src="${assetUrl(name)}" defer></script>`)}
      </body>
    </html>`.value,
})
