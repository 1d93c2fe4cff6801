/**
 * Labelled form controls with their hint and error next to them (DESIGN §4 Pages). Field
 * names are the JSON paths (`applicant.nik`); ids are derived from them, and errors are
 * tied to their control with `aria-describedby` so screen readers read them.
 */
import type { ErrorDetail } from '../shared/errors'
import { html, type SafeHtml } from './html'

export interface FormState {
  /** Values as typed, by field name. */
  values: Readonly<Record<string, string>>
  errors: readonly ErrorDetail[]
}

export interface Choice {
  value: string
  label: string
}

interface FieldSpec {
  name: string
  label: string
  hint?: string
  required?: boolean
  /** No "(opsional)" after the label (filters, where every field may stay empty). */
  plain?: boolean
}

export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`

export const errorFor = (state: FormState, name: string): string | undefined =>
  state.errors.find((e) => e.path === name)?.message

/** Errors whose path names no field on the form (unknown keys, a whole object). */
export const orphanErrors = (state: FormState, fieldNames: readonly string[]): ErrorDetail[] =>
  state.errors.filter((e) => !fieldNames.includes(e.path))

const describedBy = (id: string, hint: boolean, error: boolean): SafeHtml | '' => {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return ids ? html` aria-describedby="${ids}"` : ''
}

const frame = (state: FormState, spec: FieldSpec, control: (attrs: SafeHtml) => SafeHtml): SafeHtml => {
  const id = fieldId(spec.name)
  const error = errorFor(state, spec.name)
  const attrs = html`id="${id}"
  name="${spec.name}"${spec.required ? html` required` : ''}${error ? html` aria-invalid="true"` : ''}${describedBy(id, Boolean(spec.hint), Boolean(error))}`
  return html`<div class="field${error ? ' has-error' : ''}">
    <label for="${id}">${spec.label}${spec.required || spec.plain ? '' : ' (opsional)'}</label>${
      spec.hint ? html`<p class="hint" id="${id}-hint">${spec.hint}</p>` : ''
    }${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}${control(attrs)}
  </div>`
}

export const inputField = (
  state: FormState,
  spec: FieldSpec & { type?: string; autocomplete?: string; inputmode?: string; maxlength?: number },
): SafeHtml =>
  frame(
    state,
    spec,
    (attrs) =>
      html`<input
        ${attrs}
        type="${spec.type ?? 'text'}"
        value="${state.values[spec.name] ?? ''}"
        ${
          spec.autocomplete ? html` autocomplete="${spec.autocomplete}"` : ''
        }${spec.inputmode ? html` inputmode="${spec.inputmode}"` : ''}${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}
      />`,
  )

export const textareaField = (state: FormState, spec: FieldSpec & { maxlength?: number }): SafeHtml =>
  frame(
    state,
    spec,
    (attrs) =>
      html`<textarea ${attrs} rows="4" ${spec.maxlength ? html` maxlength="${spec.maxlength}"` : ''}>
${state.values[spec.name] ?? ''}</textarea>`,
  )

export const options = (
  choices: readonly Choice[],
  selected: string | undefined,
  placeholder?: string,
): SafeHtml =>
  html`${placeholder !== undefined ? html`<option value="">${placeholder}</option>` : ''}${choices.map(
    (c) =>
      html`<option value="${c.value}" ${c.value === selected ? html` selected` : ''}>${c.label}</option>`,
  )}`

export const selectField = (
  state: FormState,
  spec: FieldSpec & { choices: readonly Choice[]; placeholder?: string; extraAttrs?: SafeHtml },
): SafeHtml =>
  frame(
    state,
    spec,
    (attrs) =>
      html`<select ${attrs}${spec.extraAttrs ?? ''}>
        ${options(spec.choices, state.values[spec.name], spec.placeholder ?? '— pilih —')}
      </select>`,
  )

/** The summary at the top of a form that failed, so the first thing read is that something needs fixing. */
export const errorSummary = (state: FormState, fieldNames: readonly string[]): SafeHtml | '' => {
  if (state.errors.length === 0) return ''
  const orphans = orphanErrors(state, fieldNames)
  return html`<div class="alert" role="alert">
    <p><strong>Periksa kembali isian yang ditandai.</strong></p>
    ${
      orphans.length > 0
        ? html`<ul>
            ${orphans.map((e) => html`<li>${e.path ? `${e.path}: ` : ''}${e.message}</li>`)}
          </ul>`
        : ''
    }
  </div>`
}
