import { describe, expect, it } from 'vitest'
import { mergeContact, referralVettingPaths } from '../../../../functions/core/psks/psks-change'

const referrable = { acceptsReferrals: true, contact: { email: 'lks@example.org', phone: '081234567890' } }
const plain = { acceptsReferrals: false, contact: { email: 'lks@example.org' } }

describe('what only a referral vetter may change on a PSKS', () => {
  it('a new PSKS flagged for referrals needs the vetter; an unflagged one does not', () => {
    expect(referralVettingPaths(undefined, referrable)).toEqual(['acceptsReferrals'])
    expect(referralVettingPaths(undefined, plain)).toEqual([])
  })

  it('turning the flag on or off needs the vetter', () => {
    expect(referralVettingPaths(plain, { ...plain, acceptsReferrals: true })).toEqual(['acceptsReferrals'])
    expect(referralVettingPaths(referrable, { ...referrable, acceptsReferrals: false })).toEqual([
      'acceptsReferrals',
    ])
  })

  it('the email of a referrable PSKS needs the vetter; its phone, or the email of an unflagged one, does not', () => {
    expect(
      referralVettingPaths(referrable, { ...referrable, contact: { email: 'other@example.org' } }),
    ).toEqual(['contact.email'])
    expect(
      referralVettingPaths(referrable, { ...referrable, contact: { email: 'lks@example.org' } }),
    ).toEqual([])
    expect(referralVettingPaths(plain, { ...plain, contact: { email: 'other@example.org' } })).toEqual([])
  })
})

describe('the contact of a PSKS after a PATCH', () => {
  const contact = { person: 'Ujang', phone: '081234567890', email: 'lks@example.org' }

  it('keeps the fields the PATCH does not name', () => {
    expect(mergeContact(contact, { phone: '081311112222' })).toEqual({ ...contact, phone: '081311112222' })
    expect(mergeContact(contact, undefined)).toEqual(contact)
  })

  it('removes a field sent as null', () => {
    expect(mergeContact(contact, { person: null })).toEqual({
      phone: '081234567890',
      email: 'lks@example.org',
    })
  })
})
