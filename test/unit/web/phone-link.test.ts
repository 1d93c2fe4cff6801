import { describe, expect, it } from 'vitest'
import { telHref } from '../../../functions/web/phone-link'

describe('a phone number as a call link', () => {
  it.each([
    ['081234567890', 'tel:+6281234567890'],
    ['6281234567890', 'tel:+6281234567890'],
    ['+6281234567890', 'tel:+6281234567890'],
    ['0812-3456-7890', 'tel:+6281234567890'],
  ])('rings %s in the international form', (typed, href) => {
    expect(telHref(typed)).toBe(href)
  })

  it('keeps nothing of the text but digits and the plus, so the link cannot carry markup or a scheme', () => {
    expect(telHref('0812"><script>')).toBe('tel:+62812')
  })
})
