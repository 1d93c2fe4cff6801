/**
 * "Tarik permohonan" on a staff's case page (DESIGN §4 withdraw; the onboarding's test
 * case ends with it): a plain POST form with the reason, for those `case:withdraw` allows.
 */
import type { FormState } from './fields'
import { errorSummary, textareaField } from './fields'
import { html, type SafeHtml } from './html'
import { csrfInput } from './staff-layout'

export const withdrawForm = (caseId: string, csrf: string, state: FormState): SafeHtml =>
  html`<section aria-labelledby="tarik">
    <h2 id="tarik">Tarik permohonan</h2>
    ${errorSummary(state, ['reason'])}
    <form method="post" action="/staff/cases/${caseId}/tarik">
      ${csrfInput(csrf)}
      ${textareaField(state, {
        name: 'reason',
        label: 'Alasan penarikan',
        hint: 'Atas permintaan pemohon, mis. "pemohon membatalkan" atau "uji coba".',
        required: true,
        maxlength: 1000,
      })}
      <button type="submit">Tarik permohonan</button>
    </form>
  </section>`
