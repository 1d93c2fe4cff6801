/**
 * A phone number as a call link: on the phone in the field one tap rings the applicant.
 * Numbers are stored as typed (`0812…`, `62812…`, `+62812…`, DESIGN §4); the link gets
 * the international form, which every dialler reads whatever the SIM's country.
 */
export const telHref = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, '')
  if (digits.startsWith('+')) return `tel:${digits}`
  if (digits.startsWith('62')) return `tel:+${digits}`
  if (digits.startsWith('0')) return `tel:+62${digits.slice(1)}`
  return `tel:${digits}`
}
