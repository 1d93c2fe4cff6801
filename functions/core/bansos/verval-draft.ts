/**
 * A draft verval row born of a bansos case (ADR 0036): the TKSK decided that a proposal,
 * objection or complaint changes the registry (BARU, HAPUS or UBAH with its reason). The
 * batch is the TKSK's own file, so a draft is a row to copy into it, not a registry
 * change: the kecamatan's drafts of a period are listed on the verval page and downloaded
 * in the verval file's columns, with the NIK, KK and KKS left for the TKSK to fill from
 * the documents seen at the visit (they are never asked on the public page).
 */
import { timeZoneOfArea } from '../areas/time-zones'
import { localDateOf } from '../calendar/local-date'
import type { VervalProgram } from '../catalog/verval-programs'
import type { BansosKind } from '../case/case-kind'
import { reportCsv } from '../reports/report-csv'
import { BASE_COLUMNS } from '../verval/columns'
import type { DraftAction } from './verification'

export interface VervalDraft {
  kecamatan: string
  /** The verval period the row belongs to: the month the TKSK decided, in the kecamatan's zone. */
  period: string
  program: VervalProgram
  caseId: string
  reference: string
  kind: BansosKind
  aksi: DraftAction
  alasan?: string
  nama: string
  alamat: string
  kodeDesa: string
  createdAt: string
  /** The TKSK who decided. */
  by: string
}

/**
 * The verval period of a draft decided at `at`: that month on the kecamatan's wall
 * calendar, since the next batch the TKSK uploads is that month's.
 */
export const draftPeriodOf = (kecamatan: string, at: string): string =>
  localDateOf(new Date(at), timeZoneOfArea(kecamatan) ?? 'Asia/Jakarta').slice(0, 7)

/** The drafts as rows of the verval file's base template (DESIGN §4 columns, still accepted alone), NIK/KK/KKS blank for the TKSK. */
export const vervalDraftCsv = (drafts: readonly VervalDraft[]): string =>
  reportCsv([
    [...BASE_COLUMNS],
    ...drafts.map((d) => ['', '', d.nama, d.alamat, d.kodeDesa, d.aksi, d.alasan ?? '', '']),
  ])
