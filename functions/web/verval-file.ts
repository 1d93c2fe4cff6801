/** The file control of the verval forms (the TKSK's upload, the compose form, a desa's musdes link). */
import { errorFor, type FormState } from './fields'
import { html, type SafeHtml } from './html'

export const FILE_FIELD = 'file'
export const ACCEPTED_FILES =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The required verval file input with its label, hint and, when refused, its error beside it. */
export const vervalFileField = (state: FormState, label: string, hint: SafeHtml): SafeHtml => {
  const error = errorFor(state, FILE_FIELD)
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-file">${label}</label>
    <p class="hint" id="f-file-hint">${hint}</p>
    ${error ? html`<p class="error" id="f-file-error">${error}</p>` : ''}
    <input
      id="f-file"
      name="${FILE_FIELD}"
      type="file"
      accept="${ACCEPTED_FILES}"
      required
      aria-describedby="f-file-hint${error ? ' f-file-error' : ''}"
      ${error ? html` aria-invalid="true"` : ''}
    />
  </div>`
}
