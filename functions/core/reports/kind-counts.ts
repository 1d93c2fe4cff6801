/**
 * Cases per kind (issue 15 item 6), for the dashboard, the laporan and their CSV: what
 * the case is about (`CASE_KINDS`, the one list the complaints' kinds join), who filed
 * it (the person, a reporter, a TKSK in the field) and how many have no NIK. Each row is
 * declared once here, so the page, the laporan's columns and the CSV say the same.
 */
import { CASE_KIND_LABELS, CASE_KINDS, caseKindOf, type CaseKind } from '../case/case-kind'
import { FILER_LABELS, type Filer, type FilerKind, type IdentityStatus } from '../case/filer'

export const FILER_KINDS = Object.keys(FILER_LABELS) as FilerKind[]

export interface KindCounts {
  byKind: Record<CaseKind, number>
  byFiler: Record<FilerKind, number>
  withoutNik: number
}

/** The case fields the counts read (spelled out: the complaints' `kind` may be absent). */
export interface KindCountedCase {
  kind?: CaseKind
  filer?: Filer
  identityStatus?: IdentityStatus
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>

export const kindCounts = (cases: readonly KindCountedCase[]): KindCounts => {
  const counts: KindCounts = { byKind: zeros(CASE_KINDS), byFiler: zeros(FILER_KINDS), withoutNik: 0 }
  for (const record of cases) {
    counts.byKind[caseKindOf(record)]++
    // Cases filed before issue 15 carry no filer: the person filed them.
    counts.byFiler[record.filer?.kind ?? 'SELF']++
    if (record.identityStatus === 'NO_NIK') counts.withoutNik++
  }
  return counts
}

export const addKindCounts = (total: KindCounts, counts: KindCounts): void => {
  for (const kind of CASE_KINDS) total.byKind[kind] += counts.byKind[kind]
  for (const filer of FILER_KINDS) total.byFiler[filer] += counts.byFiler[filer]
  total.withoutNik += counts.withoutNik
}

export interface KindRow {
  key: string
  label: string
  value: (counts: KindCounts) => number
}

export const KIND_ROWS: readonly KindRow[] = [
  ...CASE_KINDS.map((kind) => ({
    key: kind,
    label: `Jenis: ${CASE_KIND_LABELS[kind]}`,
    value: (c: KindCounts) => c.byKind[kind],
  })),
  ...FILER_KINDS.map((filer) => ({
    key: `FILER_${filer}`,
    label: `Pengaju: ${FILER_LABELS[filer]}`,
    value: (c: KindCounts) => c.byFiler[filer],
  })),
  { key: 'NO_NIK', label: 'Tanpa NIK (rujukan adminduk)', value: (c) => c.withoutNik },
]
