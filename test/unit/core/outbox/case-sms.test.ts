import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH } from '../../../../functions/core/case/access-code'
import {
  CASE_OUTCOMES,
  type CaseOutcome,
  type CaseStatus,
} from '../../../../functions/core/catalog/case-statuses'
import { CATEGORY_CODES, CATEGORY_LABELS } from '../../../../functions/core/catalog/categories'
import {
  type CaseSmsEvent,
  caseSmsDrafts,
  caseSmsEvents,
  composeCaseSms,
} from '../../../../functions/core/outbox/case-sms'
import { fitsOneSegment, gsm7Length, phoneE164 } from '../../../../functions/core/outbox/sms-text'

const reference = fc
  .tuple(
    fc.stringMatching(/^\d{6}$/),
    fc.integer({ min: 2020, max: 2099 }),
    fc.integer({ min: 1, max: 999_999 }),
  )
  .map(([kecamatan, year, serial]) => `${kecamatan}-${year}-${String(serial).padStart(6, '0')}`)
const accessCode = fc
  .array(fc.constantFrom(...ACCESS_CODE_ALPHABET), {
    minLength: ACCESS_CODE_LENGTH,
    maxLength: ACCESS_CODE_LENGTH,
  })
  .map((chars) => chars.join(''))
const event: fc.Arbitrary<CaseSmsEvent> = fc.oneof(
  accessCode.map((code) => ({ kind: 'received' as const, accessCode: code })),
  fc
    .constantFrom('ASSESSMENT', 'RECOMMENDATION', 'REFERRAL')
    .map((status) => ({ kind: 'stage' as const, status })),
  fc.constantFrom(...CASE_OUTCOMES).map((outcome) => ({ kind: 'closed' as const, outcome })),
)
/** Any public address, long or short, even one with characters outside GSM-7. */
const statusUrl = fc.oneof(
  fc.webUrl().map((url) => `${url}/status`),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
)

describe('the SMS a resident gets', () => {
  it('every text is GSM-7 and one segment, whatever the reference, code, stage, outcome and address', () => {
    fc.assert(
      fc.property(reference, event, statusUrl, (ref, smsEvent, url) => {
        const text = composeCaseSms(ref, smsEvent, url)
        expect(gsm7Length(text)).toBeDefined()
        expect(fitsOneSegment(text)).toBe(true)
        expect(text).toContain(ref)
      }),
      { numRuns: 500 },
    )
  })

  it('the receipt names the reference and the access code', () => {
    fc.assert(
      fc.property(reference, accessCode, (ref, code) => {
        const text = composeCaseSms(ref, { kind: 'received', accessCode: code }, 'https://x.id/status')
        expect(text).toContain(code)
      }),
    )
  })

  it('the status page address is added where it fits and left out where it would make two segments', () => {
    const short = composeCaseSms(
      '320114-2026-000042',
      { kind: 'stage', status: 'REFERRAL' },
      'https://dinsos.id/status',
    )
    expect(short).toContain('Cek: https://dinsos.id/status')
    const long = composeCaseSms(
      '320114-2026-000042',
      { kind: 'stage', status: 'REFERRAL' },
      `https://${'a'.repeat(100)}.go.id/status`,
    )
    expect(long).not.toContain('Cek:')
    expect(long).toContain('Rujukan')
  })

  it('no text holds the applicant’s name, NIK, phone, address or the category', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CATEGORY_CODES),
        fc.constantFrom<CaseStatus>('ASSESSMENT', 'RECOMMENDATION', 'REFERRAL', 'CLOSED'),
        fc.constantFrom<CaseOutcome>(...CASE_OUTCOMES),
        fc.constantFrom<CaseStatus>('IDENTIFICATION', 'ASSESSMENT', 'RECOMMENDATION', 'REFERRAL'),
        (category, status, outcome, from) => {
          const drafts = caseSmsDrafts(
            {
              caseId: '01J0CASE',
              reference: '320114-2026-000042',
              status: from,
              kecamatan: '32.01.14',
              accessCode: 'K7QP2M',
              history: [{ status: 'IDENTIFICATION', at: '2026-12-01T00:00:00.000Z' }],
              applicant: { phone: '081234567890' },
            },
            { status, outcome },
            'https://dinsos.example.id/status',
          )
          const record = {
            name: 'Siti Aminah',
            nik: '3201140101900001',
            address: 'Jl. Melati 5',
            phone: '81234567890',
          }
          for (const draft of drafts) {
            for (const secret of [...Object.values(record), CATEGORY_LABELS[category], category]) {
              expect(draft.text).not.toContain(secret)
            }
          }
        },
      ),
    )
  })
})

describe('which changes send an SMS', () => {
  const intake = { status: 'IDENTIFICATION' as const, accessCode: 'K7QP2M' }

  it('leaving intake for Asesmen sends the receipt alone', () => {
    expect(caseSmsEvents(intake, { status: 'ASSESSMENT' })).toEqual([
      { kind: 'received', accessCode: 'K7QP2M' },
    ])
  })

  it('closing at intake (a duplicate) sends the receipt and the outcome', () => {
    expect(caseSmsEvents(intake, { status: 'CLOSED', outcome: 'DUPLICATE' })).toEqual([
      { kind: 'received', accessCode: 'K7QP2M' },
      { kind: 'closed', outcome: 'DUPLICATE' },
    ])
  })

  it('each later stage change sends one, and a change without a new status none', () => {
    const assessing = { status: 'ASSESSMENT' as const, accessCode: 'K7QP2M' }
    expect(caseSmsEvents(assessing, { status: 'RECOMMENDATION' })).toEqual([
      { kind: 'stage', status: 'RECOMMENDATION' },
    ])
    expect(caseSmsEvents(assessing, {})).toEqual([])
    expect(caseSmsEvents(assessing, { status: 'ASSESSMENT' })).toEqual([])
  })

  const base = {
    caseId: '01J0CASE',
    reference: '320114-2026-000042',
    status: 'ASSESSMENT' as const,
    kecamatan: '32.01.14',
    accessCode: 'K7QP2M',
    history: [{ status: 'IDENTIFICATION' as const, at: '2026-12-01T00:00:00.000Z' }],
  }

  it('an applicant without a phone, or who opted out, gets none', () => {
    expect(caseSmsDrafts({ ...base, applicant: {} }, { status: 'REFERRAL' }, 'https://x.id/status')).toEqual(
      [],
    )
    expect(
      caseSmsDrafts(
        {
          ...base,
          applicant: { phone: '081234567890' },
          smsOptOut: { at: '2026-12-02T00:00:00.000Z', via: 'staff' },
        },
        { status: 'REFERRAL' },
        'https://x.id/status',
      ),
    ).toEqual([])
  })

  it('the SMS goes to the number in E.164 on the sms channel, with a new id when a stage comes back', () => {
    const [first] = caseSmsDrafts(
      { ...base, applicant: { phone: '081234567890' } },
      { status: 'RECOMMENDATION' },
      'u',
    )
    const [again] = caseSmsDrafts(
      {
        ...base,
        history: [...base.history, { status: 'ASSESSMENT', at: '2026-12-03T00:00:00.000Z' }],
        applicant: { phone: '081234567890' },
      },
      { status: 'RECOMMENDATION' },
      'u',
    )
    expect(first).toMatchObject({ channel: 'sms', to: '+6281234567890', html: '' })
    expect(again?.mailId).not.toBe(first?.mailId)
  })

  it('numbers in every accepted form become E.164', () => {
    expect(phoneE164('081234567890')).toBe('+6281234567890')
    expect(phoneE164('6281234567890')).toBe('+6281234567890')
    expect(phoneE164('+6281234567890')).toBe('+6281234567890')
  })
})
