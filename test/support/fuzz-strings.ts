/**
 * Strings the route fuzzes draw (public-routes-fuzz, staff-routes-fuzz): short printable text
 * with the characters that break parsers and URLs, and header values (any visible ASCII).
 */
import fc from 'fast-check'

export const printable = fc.string({
  unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~é€'.split('')),
  maxLength: 40,
})

export const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
})
