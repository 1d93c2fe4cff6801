/**
 * The request form's "Saya melaporkan orang lain" parts (issue 15): the mode switch, the
 * reporter's own block, and the reported person's contact fields. In that mode the
 * person's phone and email are someone else's: the browser must not fill in the
 * reporter's own (autocomplete off) and the labels say whose they are.
 */
import { REPORTER_RELATION_LABELS, REPORTER_RELATIONS } from '../core/case/intake-schema'
import { type FormState, inputField, selectField } from './fields'
import { html, type SafeHtml } from './html'

/** The query value and hidden field that keep the form in "reporting someone else" mode without JavaScript. */
export const FOR_OTHER_PARAM = 'untuk'
export const FOR_OTHER_VALUE = 'orang-lain'
export const MODE_FIELD = '_mode'

const PHONE_EXAMPLE = 'Contoh: 081234567890.'

/** Two links, so the choice works without JavaScript: each re-renders the form in its mode. */
export const modeSwitch = (forOther: boolean): SafeHtml =>
  html`<nav aria-label="Siapa yang membutuhkan bantuan">
    <p>
      ${
        forOther
          ? html`<a href="/">Saya mengajukan untuk diri sendiri</a> ·
              <strong>Saya melaporkan orang lain</strong>`
          : html`<strong>Saya mengajukan untuk diri sendiri</strong> ·
              <a href="/?${FOR_OTHER_PARAM}=${FOR_OTHER_VALUE}">Saya melaporkan orang lain</a>`
      }
    </p>
  </nav>`

export const reporterSection = (model: FormState): SafeHtml =>
  html`<fieldset>
    <legend>Data pelapor</legend>
    <p class="hint">
      Data Anda sebagai pelapor. Anda dapat mengecek status laporan dengan nomor registrasi dan kode akses,
      tanpa melihat data orang yang dilaporkan.
    </p>
    ${inputField(model, { name: 'reporter.name', label: 'Nama pelapor', required: true, autocomplete: 'name', maxlength: 100 })}
    ${selectField(model, {
      name: 'reporter.relation',
      label: 'Hubungan dengan orang yang dilaporkan',
      required: true,
      choices: REPORTER_RELATIONS.map((r) => ({ value: r, label: REPORTER_RELATION_LABELS[r] })),
    })}
    ${inputField(model, { name: 'reporter.phone', label: 'Nomor HP pelapor', hint: `${PHONE_EXAMPLE} Agar TKSK dapat menghubungi Anda.`, required: true, type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
  </fieldset>`

/** The applicant's phone and email: the resident's own, or (reporting someone else) that person's if known. */
export const applicantContactFields = (model: FormState, forOther: boolean): SafeHtml =>
  forOther
    ? html`${inputField(model, { name: 'applicant.phone', label: 'HP orang yang dilaporkan (bila tahu)', hint: PHONE_EXAMPLE, type: 'tel', autocomplete: 'off', inputmode: 'tel' })}
      ${inputField(model, { name: 'applicant.email', label: 'Email orang yang dilaporkan (bila tahu)', type: 'email', autocomplete: 'off' })}`
    : html`${inputField(model, { name: 'applicant.phone', label: 'Nomor HP', hint: `${PHONE_EXAMPLE} Agar TKSK dapat menghubungi Anda.`, type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
      ${inputField(model, { name: 'applicant.email', label: 'Email', type: 'email', autocomplete: 'email' })}`
