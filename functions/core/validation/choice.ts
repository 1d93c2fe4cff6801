/**
 * A field whose value is one of a few codes, chosen on a form from Indonesian labels
 * (radio buttons: "Setujui", "Terima rujukan"). Left out, the error asks for the choice in
 * the form's words: the person never saw the codes. A code the schema does not know can
 * only come from an API client, which is told the codes it takes, or `unknown` where the
 * field had its own answer before (an API client may match on it).
 */
import * as z from 'zod'

/** `what` is the noun of the choice, lower case: "keputusan", "tanggapan", "hasil". */
export const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  what: string,
  unknown?: string,
) =>
  z.enum(values, {
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? `Pilih ${what}.`
        : (unknown ??
          `${what.charAt(0).toUpperCase()}${what.slice(1)} harus salah satu dari: ${values.join(', ')}.`),
  })
