import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import {
  encodeLetterCode,
  isLetterValid,
  issueLetter,
  LETTER_CODE_LENGTH,
  LETTER_VALIDITY_DAYS,
  letterCodeSchema,
  officeNameOf,
} from '../../../../functions/core/case/recommendation-letter'

const record = {
  caseId: '01JCASE',
  reference: '320114-2026-000042',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  service: 'SKTM',
  recommendation: { service: 'JAMKESDA', providerId: 'p', providerName: 'P', justification: 'j', at: '' },
} as unknown as CaseRecord

describe('recommendation letters', () => {
  it('encodes 10 random bytes as 16 Crockford base32 characters the schema accepts', () => {
    const code = encodeLetterCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 255]))
    expect(code).toHaveLength(LETTER_CODE_LENGTH)
    expect(encodeLetterCode(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ')
    expect(encodeLetterCode(new Uint8Array(10))).toBe('0000000000000000')
    expect(letterCodeSchema.parse(code)).toBe(code)
  })

  it('reads a typed code: case, dashes and look-alike letters do not matter; anything else fails', () => {
    expect(letterCodeSchema.parse('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS')
    expect(letterCodeSchema.parse('OILA-0000-0000-0000')).toBe('011A000000000000')
    expect(letterCodeSchema.safeParse('ABCDEFGHJKMNPQR').success).toBe(false)
    expect(letterCodeSchema.safeParse('ABCDEFGHJKMNPQRU').success).toBe(false)
    expect(letterCodeSchema.safeParse('../../etc/passwd').success).toBe(false)
  })

  it('names the office as people write it', () => {
    expect(officeNameOf('KABUPATEN BOGOR')).toBe('Dinas Sosial Kabupaten Bogor')
    expect(officeNameOf('KOTA BANDAR LAMPUNG')).toBe('Dinas Sosial Kota Bandar Lampung')
  })

  it('dates the letter in the area zone and keeps it valid for the validity days inclusive', () => {
    // 20:00 UTC on 5 Jan is 03:00 WIB on 6 Jan: the letter is dated 6 January.
    const letter = issueLetter({
      record,
      code: 'ABCDEFGHJKMNPQRS',
      issuedAt: new Date('2026-01-05T20:00:00Z'),
      officeName: 'Dinas Sosial Kabupaten Bogor',
      approverName: 'Rina',
    })
    expect(letter.issueDate).toBe('2026-01-06')
    expect(letter.service).toBe('JAMKESDA')
    expect(LETTER_VALIDITY_DAYS).toBe(90)
    expect(letter.validUntil).toBe('2026-04-05')
    expect(JSON.stringify(letter)).not.toMatch(/nik|applicant/i)
    expect(isLetterValid(letter, new Date('2026-04-05T16:59:59Z'))).toBe(true)
    expect(isLetterValid(letter, new Date('2026-04-05T17:00:00Z'))).toBe(false)
  })
})
