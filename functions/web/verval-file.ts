/** The file control of the upload forms (the TKSK's verval upload, the compose form, a desa's musdes link, the staff import). */
import { errorFor, type FormState } from './fields'
import { html, type SafeHtml } from './html'

export const FILE_FIELD = 'file'
export const ACCEPTED_FILES =
  '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The required file input (.csv, .txt, .xlsx) with its label, hint and, when refused, its error beside it. */
export const uploadFileField = (
  state: FormState,
  label: string,
  hint: SafeHtml,
  field = FILE_FIELD,
): SafeHtml => {
  const error = errorFor(state, field)
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="f-file">${label}</label>
    <p class="hint" id="f-file-hint">${hint}</p>
    ${error ? html`<p class="error" id="f-file-error">${error}</p>` : ''}
    <input
      id="f-file"
      name="${field}"
      type="file"
      accept="${ACCEPTED_FILES}"
      required
      aria-describedby="f-file-hint${error ? ' f-file-error' : ''}"
      ${error ? html` aria-invalid="true"` : ''}
    />
  </div>`
}
