/**
 * Retention of closed cases (DESIGN §5, UU 27/2022): a closed case's personal data is
 * anonymised once `RETENTION_YEARS` (default 5) have passed since it was closed. What
 * stays is what statistics need: reference, area, category, service, status, outcome and
 * dates. Pure: the caller passes `now` and the period.
 */
import type { CaseRecord, PreviousReferral } from '../case/case-record'
import type { Filer } from '../case/filer'
import type { Decision } from '../case/task-kinds'
import { draftPeriodOf } from '../bansos/verval-draft'
import { ALASAN_HAPUS } from '../verval/columns'

export const DEFAULT_RETENTION_YEARS = 5

/**
 * The first closing month the job looks at: before the first case this system (or the
 * backfill of ADR 0006) can hold, so no partition before it is ever needed. Months up
 * to the last due one cost the job one small Query each a day; none until 2030.
 */
export const FIRST_CLOSING_MONTH = '2025-01'

/** What the anonymised applicant is called on every page (Bahasa Indonesia). */
export const ANONYMISED_TEXT = 'Data dianonimkan'

/** `RETENTION_YEARS` as configured: a whole number of years, at least 1; the default otherwise. */
export const retentionYearsOf = (configured: string | undefined): number => {
  if (configured === undefined || configured.trim() === '') return DEFAULT_RETENTION_YEARS
  const years = Number(configured)
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`RETENTION_YEARS must be a whole number of years ≥ 1, got "${configured}"`)
  return years
}

const shiftYears = (instant: Date, years: number): Date => {
  const shifted = new Date(instant.getTime())
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years)
  return shifted
}

/** When a case closed at `closedAt` is due for anonymisation. */
export const anonymisationDueAt = (closedAt: string, years: number): Date =>
  shiftYears(new Date(closedAt), years)

export const isDueForAnonymisation = (closedAt: string, now: Date, years: number): boolean =>
  anonymisationDueAt(closedAt, years).getTime() <= now.getTime()

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The latest closing instant the job must read: every due case closed at or before it.
 * A day of slack covers 29 February (a year added to it lands on 1 March); the exact
 * rule is applied to each item read (`isDueForAnonymisation`).
 */
export const latestDueClosing = (now: Date, years: number): Date =>
  new Date(shiftYears(now, -years).getTime() + DAY_MS)

const monthOf = (instant: Date): string => instant.toISOString().slice(0, 7)

/** The schedule partition of a case: the UTC month it closed in. */
export const closingMonthOf = (closedAt: string): string => closedAt.slice(0, 7)

/** Every month (`YYYY-MM`) from `first` to `last`, both included, oldest first (none when `last` is earlier). */
const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = []
  let [year, month] = first.split('-').map(Number) as [number, number]
  for (let current = first; current <= last;) {
    months.push(current)
    month += 1
    if (month > 12) {
      month = 1
      year += 1
    }
    current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
  }
  return months
}

/** Closing months whose schedule partitions may hold due cases, oldest first. */
export const closingMonthsToCheck = (now: Date, years: number): string[] =>
  monthsBetween(FIRST_CLOSING_MONTH, monthOf(latestDueClosing(now, years)))

/** Decision fields typed by people (findings, notes, reasons): they may name or describe the person. */
const FREE_TEXT_FIELDS = ['findings', 'notes', 'reason', 'justification'] as const

const withoutFreeText = <T extends Record<string, unknown>>(value: T): T => {
  const kept = { ...value }
  for (const field of FREE_TEXT_FIELDS) delete kept[field]
  return kept
}

/**
 * Decision fields that name the person although not typed as prose: an issued NIK of an
 * adminduk referral (masked, its last digits still the person's) and the verification's
 * verval reason, which an UBAH spells out ("nama ibu salah tulis…"). A HAPUS reason is one
 * of a closed list (ALASAN_HAPUS) and stays for the statistics.
 */
const withoutPersonalChoices = (decision: Decision): Decision => {
  const { nik: _nik, vervalReason, ...kept } = decision
  const listed = ALASAN_HAPUS.some((reason) => reason === vervalReason)
  return listed ? { ...kept, vervalReason } : kept
}

/**
 * A decided task of the case as kept after the period: its choices (eligible, decision,
 * result, service…) stay for the statistics and the timeline; the free text typed with
 * them and an issued NIK go, as they go from the case.
 */
export const anonymisedDecision = (decision: Decision): Decision =>
  withoutPersonalChoices(withoutFreeText(decision))

/** The key parts of a draft verval row a bansos case wrote (ADR 0036). */
export interface VervalDraftKeyParts {
  kecamatan: string
  period: string
  program: string
  caseId: string
}

/**
 * The draft verval rows a bansos case's verification may have written (ADR 0036), by the
 * parts of their keys: a row names the person (nama, alamat), so it goes with the case's
 * data. A case resolved since `vervalPeriod` is kept names its one row. One resolved
 * before has only the instant of its decision, while the row is keyed by the month the
 * decision was applied in, which may be a later one (applied across a month's end, or
 * days later from the attention list) but never after the case closed: every month from
 * the decision's to the closing's, in the kecamatan's zone (a Delete of no row is no
 * change).
 */
export const vervalDraftsOfCase = (
  record: Pick<CaseRecord, 'caseId' | 'kecamatan' | 'bansos' | 'resolution' | 'closedAt'>,
): VervalDraftKeyParts[] => {
  const { bansos, resolution } = record
  if (!bansos || resolution?.outcome !== 'VERVAL_DRAFT' || !resolution.vervalAction) return []
  const decided = draftPeriodOf(record.kecamatan, resolution.at)
  const closed = record.closedAt ? draftPeriodOf(record.kecamatan, record.closedAt) : decided
  const periods = resolution.vervalPeriod
    ? [resolution.vervalPeriod]
    : monthsBetween(decided, closed < decided ? decided : closed)
  return periods.map((period) => ({
    kecamatan: record.kecamatan,
    period,
    program: bansos.program,
    caseId: record.caseId,
  }))
}

/** Who filed stays countable (kind, the reporter's relation); a reporter's name and phone go. */
const anonymisedFiler = (filer: Filer): Filer =>
  filer.kind === 'REPORTER'
    ? { kind: 'REPORTER', reporter: { ...filer.reporter, name: ANONYMISED_TEXT, phone: '' } }
    : filer

const withoutBansosFiler = ({ filer: _filer, ...kept }: NonNullable<CaseRecord['bansos']>) => kept

/** An earlier service of a reopened case (ADR 0037) keeps its service, result and dates, not why it closed. */
const withoutClosingReason = ({ outcomeReason: _reason, ...kept }: PreviousReferral): PreviousReferral => kept

/**
 * The case as kept after its retention period: the applicant reduced to the village
 * (area statistics), free text gone, `nikRef` emptied so no registry or dedup lookup
 * finds the person through it, `personRef` (the possible-duplicate lookup) dropped, a
 * reporter's name and phone replaced, the access code dropped so the resident's key opens
 * nothing any more (ADR 0011), an earlier service's closing reason and the justification
 * of the request for another service dropped (ADR 0037), and the moment of anonymisation
 * recorded. Status, outcome, dates, history, staff and provider stay.
 */
export const anonymisedCase = (record: CaseRecord, at: string): CaseRecord => {
  const {
    accessCode: _accessCode,
    description: _description,
    outcomeReason: _outcomeReason,
    assessment,
    approval,
    recommendation,
    pendampingan,
    previousReferrals,
    anotherService,
    personRef: _personRef,
    filer,
    bansos,
    resolution,
    ...kept
  } = record
  return {
    ...kept,
    applicant: {
      nik: '',
      kk: '',
      name: ANONYMISED_TEXT,
      birthDate: '',
      address: ANONYMISED_TEXT,
      villageCode: record.applicant.villageCode,
    },
    nikRef: '',
    ...(filer ? { filer: anonymisedFiler(filer) } : {}),
    // A bansos case keeps its program, type and outcome for statistics; the proposer's or
    // objector's contact and the TKSK's findings go (ADR 0036).
    ...(bansos ? { bansos: withoutBansosFiler(bansos) } : {}),
    ...(resolution ? { resolution: { ...resolution, findings: '' } } : {}),
    ...(assessment ? { assessment: withoutFreeText(assessment) } : {}),
    ...(approval ? { approval: withoutFreeText(approval) } : {}),
    ...(recommendation ? { recommendation: { ...recommendation, justification: '' } } : {}),
    ...(pendampingan ? { pendampingan: pendampingan.map((entry) => withoutFreeText({ ...entry })) } : {}),
    ...(previousReferrals ? { previousReferrals: previousReferrals.map(withoutClosingReason) } : {}),
    ...(anotherService ? { anotherService: { ...anotherService, justification: '' } } : {}),
    anonymisedAt: at,
  }
}

/** The top-level attributes anonymisation replaces or removes (what the audit entry lists, never their values). */
export const anonymisedAttributes = (before: CaseRecord, after: CaseRecord) => {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof CaseRecord>
  const changed = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
  return {
    set: changed.filter((key) => after[key] !== undefined).sort(),
    remove: changed.filter((key) => after[key] === undefined).sort(),
  }
}
