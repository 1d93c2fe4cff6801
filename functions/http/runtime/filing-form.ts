/**
 * What the HTML forms that file a case share (the resident's `/`, `/pengaduan`, the
 * TKSK's field form): the idempotency key the form carries (a double submit files once),
 * the consent checkbox as the API's boolean, the notice of a form sent again with other
 * values, and the area steps of the public forms.
 */
import { ulid } from 'ulid'
import { loadAreaIndex } from '../../data/area-source'
import { areaChoices, areaPathOf, resolveAreaPath } from '../pages/area-path'

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,200}$/

/** A fresh key for a form shown anew; the prefix names the form's kind in the idempotency records. */
export const newFormKey = (prefix: 'form' | 'field'): string => `${prefix}:${ulid()}`

/** The key the form sent back, or a fresh one when it sent none that could be a key. */
export const formKeyOf = (prefix: 'form' | 'field', sent: string | undefined): string =>
  sent !== undefined && IDEMPOTENCY_KEY.test(sent) ? sent : newFormKey(prefix)

/** A ticked checkbox sends "true"; the API's field is the boolean. */
export const withConsentTicked = (body: Record<string, unknown>): Record<string, unknown> => ({
  ...body,
  ...(body.consent === 'true' ? { consent: true } : {}),
})

/** The 409 of the same form sent again with other values after it was filed: shown again under a fresh key, it files anew. */
export const RESENT_NOTICE =
  'Formulir ini sudah pernah dikirim dengan isian lain. Periksa isian lalu kirim lagi.'

/** The area steps of a public form: the path chosen so far and the choices of its next step. */
export const areaStepsOf = (areaQuery: string | undefined) => {
  const index = loadAreaIndex()
  const chosen = areaPathOf(resolveAreaPath(index, areaQuery))
  return { chosen, areas: areaChoices(index, chosen) }
}
