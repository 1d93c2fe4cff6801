import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import {
  ANONYMISED_TEXT,
  anonymisationDueAt,
  anonymisedAttributes,
  anonymisedCase,
  anonymisedDecision,
  closingMonthOf,
  closingMonthsToCheck,
  DEFAULT_RETENTION_YEARS,
  FIRST_CLOSING_MONTH,
  isDueForAnonymisation,
  latestDueClosing,
  retentionYearsOf,
  vervalDraftsOfCase,
} from '../../../../functions/core/retention/retention-rule'
import { SITI_AMINAH } from '../../../support/applicant'

const closed: CaseRecord = {
  caseId: 'C1',
  reference: '320114-2026-000001',
  status: 'CLOSED',
  outcome: 'FULFILLED',
  outcomeReason: 'Ibu Siti sudah menerima kartu',
  kecamatan: '32.01.14',
  kabupaten: '32.01',
  applicant: SITI_AMINAH,

  nikRef: 'a'.repeat(64),
  nikRegisteredElsewhere: false,
  category: 'FAKIR_MISKIN',
  sensitive: false,
  service: 'JAMKESDA',
  description: 'Siti tinggal sendiri',
  consentVersion: '2026-01',
  createdAt: '2026-01-05T01:00:00.000Z',
  updatedAt: '2026-02-01T01:00:00.000Z',
  closedAt: '2026-02-01T01:00:00.000Z',
  history: [
    { status: 'IDENTIFICATION', at: '2026-01-05T01:00:00.000Z' },
    { status: 'CLOSED', at: '2026-02-01T01:00:00.000Z' },
  ],
  assessment: {
    visitDate: '2026-01-10',
    findings: 'Siti sakit',
    eligible: true,
    service: 'JAMKESDA',
    by: 't',
    at: 'x',
  },
  approval: { decision: 'APPROVE', reason: 'Siti layak', by: 'h', at: 'y' },
  recommendation: {
    service: 'JAMKESDA',
    providerId: 'P1',
    providerName: 'Puskesmas',
    justification: 'Siti sakit',
    at: 'z',
  },
  referral: { providerId: 'P1', providerName: 'Puskesmas' },
  letterCode: 'ABCD',
}

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2090-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString())
const years = fc.integer({ min: 1, max: 30 })

describe('when a closed case is due for anonymisation', () => {
  it('RETENTION_YEARS defaults to five and refuses anything but a whole number of years from one', () => {
    expect(retentionYearsOf(undefined)).toBe(DEFAULT_RETENTION_YEARS)
    expect(retentionYearsOf('')).toBe(5)
    expect(retentionYearsOf('7')).toBe(7)
    for (const wrong of ['0', '-1', '2.5', 'lima']) expect(() => retentionYearsOf(wrong)).toThrow(RangeError)
  })

  it('is due exactly the configured number of years after closing, not a millisecond before', () => {
    const closedAt = '2026-02-01T01:00:00.000Z'
    expect(anonymisationDueAt(closedAt, 5).toISOString()).toBe('2031-02-01T01:00:00.000Z')
    expect(isDueForAnonymisation(closedAt, new Date('2031-02-01T00:59:59.999Z'), 5)).toBe(false)
    expect(isDueForAnonymisation(closedAt, new Date('2031-02-01T01:00:00.000Z'), 5)).toBe(true)
  })

  it('the job’s query never misses a due case: every due closing lies in a month it checks and within its bound', () => {
    fc.assert(
      fc.property(instant, instant, years, (closedAt, nowIso, y) => {
        const now = new Date(nowIso)
        if (!isDueForAnonymisation(closedAt, now, y)) return
        expect(closedAt <= latestDueClosing(now, y).toISOString()).toBe(true)
        if (closingMonthOf(closedAt) >= FIRST_CLOSING_MONTH)
          expect(closingMonthsToCheck(now, y)).toContain(closingMonthOf(closedAt))
      }),
    )
  })

  it('the months checked run one by one from the first closing month, with no gap', () => {
    const months = closingMonthsToCheck(new Date('2031-03-15T00:00:00Z'), 5)
    expect(months[0]).toBe(FIRST_CLOSING_MONTH)
    expect(months.at(-1)).toBe('2026-03')
    expect(months).toContain('2025-12')
    expect(months).toContain('2026-01')
    expect(new Set(months).size).toBe(months.length)
    expect(closingMonthsToCheck(new Date('2026-11-23T00:00:00Z'), 5)).toEqual([])
  })
})

describe('what an anonymised case keeps', () => {
  const anonymised = anonymisedCase(closed, '2031-02-02T00:00:00.000Z')

  it('no name, NIK, KK, birth date, phone, email, address, nikRef or free text survives anywhere in it', () => {
    const text = JSON.stringify(anonymised)
    for (const pii of [
      'Siti',
      '3201144507800001',
      '3201140101100001',
      '1980-07-05',
      '081234567890',
      'siti@',
      'Cibeber',
      'a'.repeat(64),
    ])
      expect(text).not.toContain(pii)
    expect(anonymised.applicant.name).toBe(ANONYMISED_TEXT)
  })

  it('reference, area, category, service, status, outcome, dates, staff and provider stay for the statistics', () => {
    const {
      applicant,
      nikRef: _n,
      description: _d,
      outcomeReason: _o,
      assessment,
      approval,
      recommendation,
      ...rest
    } = closed
    expect(anonymised).toMatchObject({ ...rest, anonymisedAt: '2031-02-02T00:00:00.000Z' })
    expect(anonymised.applicant.villageCode).toBe(applicant.villageCode)
    expect(anonymised.assessment).toEqual({
      visitDate: '2026-01-10',
      eligible: true,
      service: 'JAMKESDA',
      by: 't',
      at: 'x',
    })
    expect(anonymised.approval).toEqual({ decision: 'APPROVE', by: 'h', at: 'y' })
    expect(anonymised.recommendation).toEqual({ ...recommendation, justification: '' })
    expect(assessment).toBeDefined()
    expect(approval).toBeDefined()
  })

  it('lists the attributes it replaces and removes by name, for the audit entry', () => {
    expect(anonymisedAttributes(closed, anonymised)).toEqual({
      set: ['anonymisedAt', 'applicant', 'approval', 'assessment', 'nikRef', 'recommendation'],
      remove: ['description', 'outcomeReason'],
    })
  })

  it('keeps the pendampingan’s dates, kinds and TKSK, not their findings', () => {
    const visit = {
      id: 'V1',
      date: '2026-02-10',
      kind: 'KUNJUNGAN_RUMAH',
      findings: 'Siti mulai berobat rutin',
      nextVisit: '2026-03-10',
      by: { id: 'tksk.leuwiliang', name: 'tksk.leuwiliang' },
      recordedAt: '2026-02-10T05:00:00.000Z',
    } as const
    const followed = anonymisedCase({ ...closed, pendampingan: [visit] }, '2031-02-02T00:00:00.000Z')
    const { findings: _f, ...kept } = visit
    expect(followed.pendampingan).toEqual([kept])
  })

  it('drops an objector’s contact and the verification’s findings; program, reason and outcome stay (ADR 0036)', () => {
    const objection = anonymisedCase(
      {
        ...closed,
        kind: 'SANGGAH',
        bansos: {
          program: 'BPNT',
          objectionReason: 'MAMPU',
          filer: { name: 'Warga Peduli', email: 'w@example.org' },
        },
        resolution: {
          outcome: 'FORWARDED',
          forwardTo: 'BANK_PENYALUR',
          findings: 'Punya toko bangunan.',
          by: 't',
          at: 'x',
        },
      },
      '2031-02-02T00:00:00.000Z',
    )
    expect(objection.bansos).toEqual({ program: 'BPNT', objectionReason: 'MAMPU' })
    expect(objection.resolution).toMatchObject({
      outcome: 'FORWARDED',
      forwardTo: 'BANK_PENYALUR',
      findings: '',
    })
    for (const secret of ['Warga Peduli', 'w@example.org', 'toko bangunan'])
      expect(JSON.stringify(objection)).not.toContain(secret)
  })

  it('drops the resident’s access code: an old code opens no status after the retention period', () => {
    const withCode = anonymisedCase({ ...closed, accessCode: 'K7QM2X' }, '2031-02-02T00:00:00.000Z')
    expect(withCode.accessCode).toBeUndefined()
    expect(JSON.stringify(withCode)).not.toContain('K7QM2X')
  })

  it('drops the possible-duplicate personRef and a reporter’s name and phone; the reporter’s relation stays', () => {
    const reported = anonymisedCase(
      {
        ...closed,
        personRef: 'b'.repeat(64),
        filer: {
          kind: 'REPORTER',
          reporter: { name: 'Ujang Ketua RT', relation: 'RT_RW', phone: '081298765432' },
        },
      },
      '2031-02-02T00:00:00.000Z',
    )
    expect(reported.personRef).toBeUndefined()
    expect(reported.filer).toEqual({
      kind: 'REPORTER',
      reporter: { name: ANONYMISED_TEXT, relation: 'RT_RW', phone: '' },
    })
    for (const pii of ['b'.repeat(64), 'Ujang', '081298765432'])
      expect(JSON.stringify(reported)).not.toContain(pii)
    expect(anonymisedCase(reported, '2031-02-02T00:00:00.000Z')).toEqual(reported)
  })

  it('drops the free text of an earlier service and of the request for another one (ADR 0037); services, results and dates stay', () => {
    const previous = {
      providerId: 'P1',
      providerName: 'Puskesmas',
      service: 'JAMKESDA',
      result: 'NOT_SERVED',
      outcome: 'NOT_FULFILLED',
      outcomeReason: 'Siti dirawat di RSUD',
      closedAt: '2026-02-01T01:00:00.000Z',
    } as const
    const request = {
      service: 'REHABILITASI_SOSIAL',
      justification: 'Siti perlu pendampingan psikososial',
      by: 'tksk-1',
      at: '2026-02-03T01:00:00.000Z',
      round: 2,
    } as const
    const reopened = anonymisedCase(
      { ...closed, previousReferrals: [previous], anotherService: request },
      '2031-02-02T00:00:00.000Z',
    )
    const { outcomeReason: _reason, ...previousKept } = previous
    expect(reopened.previousReferrals).toEqual([previousKept])
    expect(reopened.anotherService).toEqual({ ...request, justification: '' })
    expect(JSON.stringify(reopened)).not.toContain('Siti')
    expect(anonymisedCase(reopened, '2031-02-02T00:00:00.000Z')).toEqual(reopened)
  })

  it('a task decision keeps its choices and loses the findings, notes, reasons and justification typed with them', () => {
    expect(
      anonymisedDecision({
        visitDate: '2026-01-10',
        findings: 'Siti sakit paru',
        eligible: false,
        service: 'JAMKESDA',
        notes: 'Rumah Siti di belakang masjid',
      }),
    ).toEqual({ visitDate: '2026-01-10', eligible: false, service: 'JAMKESDA' })
    expect(anonymisedDecision({ decision: 'REJECT', reason: 'Siti sudah menerima PBI' })).toEqual({
      decision: 'REJECT',
    })
    expect(
      anonymisedDecision({ action: 'ANOTHER_SERVICE', service: 'PKH', justification: 'Anak Siti' }),
    ).toEqual({
      action: 'ANOTHER_SERVICE',
      service: 'PKH',
    })
  })

  it('a verification keeps its outcome and action, not an UBAH’s typed verval reason; a HAPUS reason from the closed list stays', () => {
    expect(
      anonymisedDecision({
        outcome: 'VERVAL_DRAFT',
        findings: 'Dikunjungi',
        vervalAction: 'UBAH',
        vervalReason: 'Nama ibu Siti salah tulis',
      }),
    ).toEqual({ outcome: 'VERVAL_DRAFT', vervalAction: 'UBAH' })
    expect(
      anonymisedDecision({ outcome: 'VERVAL_DRAFT', vervalAction: 'HAPUS', vervalReason: 'MENINGGAL' }),
    ).toEqual({ outcome: 'VERVAL_DRAFT', vervalAction: 'HAPUS', vervalReason: 'MENINGGAL' })
  })

  it('an adminduk referral keeps its result, not the issued NIK (masked, its last digits still the person’s)', () => {
    expect(anonymisedDecision({ result: 'ISSUED', nik: '************1234' })).toEqual({ result: 'ISSUED' })
    expect(anonymisedDecision({ result: 'NOT_ISSUED', reason: 'Siti belum punya KK' })).toEqual({
      result: 'NOT_ISSUED',
    })
  })

  it('anonymising a decision twice gives the same decision (the job may write it before the case)', () => {
    const decision = {
      outcome: 'VERVAL_DRAFT',
      findings: 'x',
      vervalAction: 'UBAH',
      vervalReason: 'y',
      nik: '1',
    }
    expect(anonymisedDecision(anonymisedDecision(decision))).toEqual(anonymisedDecision(decision))
  })

  it('names the draft verval row a bansos case wrote by its kept period', () => {
    const resolution = {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'BARU',
      vervalPeriod: '2026-03',
      findings: 'x',
      by: 't',
      at: '2026-01-31T18:00:00.000Z',
    } as const
    const proposal = { ...closed, kind: 'USUL', bansos: { program: 'PKH' }, resolution } as const
    expect(vervalDraftsOfCase(proposal)).toEqual([
      { kecamatan: '32.01.14', period: '2026-03', program: 'PKH', caseId: 'C1' },
    ])
    expect(vervalDraftsOfCase({ ...proposal, resolution: { ...resolution, outcome: 'RESOLVED' } })).toEqual(
      [],
    )
    expect(vervalDraftsOfCase(closed)).toEqual([])
  })

  it('without a kept period, names every month the decision may have been applied in: from the decision’s to the closing’s, in the kecamatan’s zone', () => {
    const resolution = {
      outcome: 'VERVAL_DRAFT',
      vervalAction: 'BARU',
      findings: 'x',
      by: 't',
      // 31 January 18:00 UTC is 1 February in WIB: the kecamatan's month decides.
      at: '2026-01-31T18:00:00.000Z',
    } as const
    const proposal = { ...closed, kind: 'USUL', bansos: { program: 'PKH' }, resolution } as const
    const periods = (closedAt: string) =>
      vervalDraftsOfCase({ ...proposal, closedAt }).map((draft) => draft.period)
    // Applied the same day: one month.
    expect(periods('2026-02-01T01:00:00.000Z')).toEqual(['2026-02'])
    // Applied days later from the attention list, across two month ends (30 April 17:30 UTC is 1 May in WIB).
    expect(periods('2026-04-30T17:30:00.000Z')).toEqual(['2026-02', '2026-03', '2026-04', '2026-05'])
    // Decided in December, closed in January: the year turns.
    const december = { ...resolution, at: '2026-12-20T03:00:00.000Z' }
    expect(
      vervalDraftsOfCase({ ...proposal, resolution: december, closedAt: '2027-01-02T03:00:00.000Z' }).map(
        (draft) => draft.period,
      ),
    ).toEqual(['2026-12', '2027-01'])
    expect(vervalDraftsOfCase({ ...proposal, closedAt: '2026-04-30T17:30:00.000Z' })[3]).toEqual({
      kecamatan: '32.01.14',
      period: '2026-05',
      program: 'PKH',
      caseId: 'C1',
    })
  })

  it('keeps a TKSK filer as it is: staff stay', () => {
    const filer = { kind: 'TKSK', staffId: 'tksk-1', name: 'TKSK Leuwiliang' } as const
    expect(anonymisedCase({ ...closed, filer }, '2031-02-02T00:00:00.000Z').filer).toEqual(filer)
  })

  it('anonymising twice gives the same record (the job may meet a case again)', () => {
    const at = '2031-02-02T00:00:00.000Z'
    expect(anonymisedCase(anonymised, at)).toEqual(anonymised)
  })
})
