/**
 * "SMS ke pemohon" on a staff's case page (ADR 0028): whether the resident still gets SMS
 * about the case and, for those `case:sms-opt-out` allows, a plain POST form that stops
 * them at the resident's request. Nothing without a phone number.
 */
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'

interface SmsView {
  caseId: string
  status: string
  applicant: { phone?: string }
  smsOptOut?: { at: string; via: 'staff' | 'reply' } | null
}

export const smsSection = (view: SmsView, csrf: string, allowed: boolean): SafeHtml | string => {
  if (!view.applicant.phone) return ''
  if (view.smsOptOut)
    return html`<section aria-labelledby="sms">
      <h2 id="sms">SMS ke pemohon</h2>
      <p>Dihentikan atas permintaan pemohon${view.smsOptOut.via === 'reply' ? ' (balasan SMS)' : ''}.</p>
    </section>`
  if (view.status === 'CLOSED') return ''
  return html`<section aria-labelledby="sms">
    <h2 id="sms">SMS ke pemohon</h2>
    <p>Pemohon menerima SMS saat permohonan diterima, berpindah tahap, dan selesai.</p>
    ${
      allowed
        ? html`<form method="post" action="/staff/cases/${view.caseId}/sms-berhenti">
            ${csrfInput(csrf)}
            <button type="submit">Hentikan SMS atas permintaan pemohon</button>
          </form>`
        : ''
    }
  </section>`
}
