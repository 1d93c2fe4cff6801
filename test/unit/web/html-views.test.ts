import { describe, expect, it } from 'vitest'
import { html } from '../../../functions/web/html'
import { inputField, selectField, textareaField } from '../../../functions/web/fields'
import { confirmationPage, requestFormPage } from '../../../functions/web/request-form-page'
import { statusPage } from '../../../functions/web/status-page'
import { staffTasksPage } from '../../../functions/web/staff-tasks-page'
import { statusPageUrl } from '../../../functions/core/case/status-url'

const slipOf = (reference: string) => ({
  reference,
  statusUrl: statusPageUrl('http://localhost:3000', reference),
})

const EVIL = `"><script>alert(1)</script><img src=x onerror=alert(2)>`
const noAreas = { provinces: [], regencies: [], districts: [], villages: [] }

describe('the views escape what people typed', () => {
  it('escapes values in inputs, textareas and selects', () => {
    const state = { values: { a: EVIL, b: EVIL, c: EVIL }, errors: [{ path: 'a', message: EVIL }] }
    const markup = [
      inputField(state, { name: 'a', label: 'A' }),
      textareaField(state, { name: 'b', label: EVIL }),
      selectField(state, { name: 'c', label: 'C', choices: [{ value: EVIL, label: EVIL }] }),
    ].join('')
    expect(markup).not.toContain('<script>')
    expect(markup).not.toContain('<img')
    expect(markup).toContain('&lt;script&gt;')
    expect(markup).toContain('&quot;&gt;')
  })

  it('keeps the request form free of markup from the post, with errors tied to their fields', () => {
    const page = requestFormPage({
      values: { 'applicant.name': EVIL, description: EVIL, 'applicant.nik': '12' },
      errors: [
        { path: 'applicant.nik', message: 'NIK harus 16 digit.' },
        { path: 'extra', message: EVIL },
      ],
      areas: noAreas,
      chosen: {},
      idempotencyKey: EVIL,
    })
    const body = page.body ?? ''
    expect(body).not.toMatch(/<script>alert|<img src=x/)
    expect(body).toContain('id="f-applicant-nik-error"')
    expect(body).toMatch(/id="f-applicant-nik"[^>]*aria-invalid="true"/)
    expect(body).toMatch(/aria-describedby="f-applicant-nik-hint f-applicant-nik-error"/)
    // No inline script or style: the CSP forbids both.
    expect(body).not.toMatch(/<script>|<style|style="/)
    expect(body).toMatch(/<script src="\/assets\/area-cascade\.js\?v=[0-9a-f]{12}" defer><\/script>/)
  })

  it('labels every control of the request form', () => {
    const body =
      requestFormPage({ values: {}, errors: [], areas: noAreas, chosen: {}, idempotencyKey: 'k' }).body ?? ''
    const ids = [
      ...body.matchAll(/<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"/g),
    ].map((m) => m[1])
    expect(ids.length).toBeGreaterThan(10)
    for (const id of ids) expect(body).toContain(`for="${id}"`)
  })

  it('escapes a reference and staff data', async () => {
    expect((await confirmationPage(slipOf(EVIL))).body).not.toContain('<script>')
    expect(
      statusPage({ values: { reference: EVIL, birthDate: '' }, errors: [], notFound: EVIL }).body,
    ).not.toContain('<script>')
    const tasks = staffTasksPage(
      { user: { id: 'u', username: EVIL, role: 'tksk', area: '32.01.14', email: 'x@y' }, csrf: EVIL },
      { items: [], nextCursor: EVIL, nowMs: 0, placeName: (code) => code },
    )
    expect(tasks.body).not.toContain('<script>')
  })

  it('lets html output through unescaped, once', () => {
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>')
  })
})

describe('the request form when someone reports another person', () => {
  const formBody = (forOther: boolean) =>
    requestFormPage({ values: {}, errors: [], areas: noAreas, chosen: {}, idempotencyKey: 'k', forOther })
      .body ?? ''
  const inputOf = (body: string, name: string) =>
    new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(body)?.[0] ?? ''
  const fieldOf = (body: string, name: string) => {
    const id = `f-${name.replace('.', '-')}`
    return new RegExp(`<label for="${id}"[\\s\\S]*?<input[^>]*id="${id}"[^>]*>`).exec(body)?.[0] ?? ''
  }

  it('lets the browser fill in neither the reporter’s own phone nor email as the person’s', () => {
    const body = formBody(true)
    expect(inputOf(body, 'applicant.phone')).toContain('autocomplete="off"')
    expect(inputOf(body, 'applicant.email')).toContain('autocomplete="off"')
    expect(fieldOf(body, 'applicant.phone')).toContain('HP orang yang dilaporkan (bila tahu)')
    expect(fieldOf(body, 'applicant.email')).toContain('Email orang yang dilaporkan (bila tahu)')
    expect(fieldOf(body, 'applicant.phone')).not.toContain('menghubungi Anda')
    // The reporter's own phone is theirs: the browser may fill it in.
    expect(inputOf(body, 'reporter.phone')).toContain('autocomplete="tel"')
  })

  it('keeps the resident’s own contact fillable when they apply for themselves', () => {
    const body = formBody(false)
    expect(inputOf(body, 'applicant.phone')).toContain('autocomplete="tel"')
    expect(inputOf(body, 'applicant.email')).toContain('autocomplete="email"')
    expect(fieldOf(body, 'applicant.phone')).toContain('Agar TKSK dapat menghubungi Anda.')
  })
})

describe('the confirmation page', () => {
  it('tells the resident, in Indonesian, when a NIK-like number in the description was masked', async () => {
    const told = (await confirmationPage(slipOf('320114-2026-000001'), { descriptionMasked: true })).body
    expect(told).toContain('nomor itu kami samarkan')
    expect((await confirmationPage(slipOf('320114-2026-000001'))).body).not.toContain('samarkan')
  })

  it('holds the slip: reference, access code and the QR code of the status page address', async () => {
    const body =
      (await confirmationPage({ ...slipOf('320114-2026-000001'), accessCode: 'K7M2PQ' })).body ?? ''
    const slip = /<section class="slip"[\s\S]*?<\/section>/.exec(body)?.[0] ?? ''
    expect(slip).toContain('320114-2026-000001')
    expect(slip).toContain('id="kode-akses">K7M2PQ<')
    expect(slip).toContain('Kode QR alamat halaman cek status permohonan 320114-2026-000001')
    expect(slip).toContain('http://localhost:3000/status?reference=320114-2026-000001')
  })

  it('links the status page of its reference', async () => {
    const body = (await confirmationPage(slipOf('320114-2026-000001'))).body ?? ''
    expect(body).toContain('href="/status?reference=320114-2026-000001"')
  })

  it('says where the access code is when this browser did not file the request', async () => {
    const body = (await confirmationPage(slipOf('320114-2026-000001'))).body ?? ''
    expect(body).not.toContain('kode-akses')
    expect(body).toContain('Kode akses: lihat email Anda atau tanyakan kepada petugas.')
  })
})
