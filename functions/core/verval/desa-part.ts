/**
 * The desa's part of a verval (issue 21 item 1, ADR 0033): for one kecamatan, program and
 * period, each desa/kelurahan with a contact gets an emailed link to upload its musdes
 * result (the verval file, limited to its own desa code) with the date of the
 * musyawarah. The TKSK then composes the kecamatan batch from the parts and their own rows.
 */
import type { AuditActorRole } from '../audit/audit-entry'
import type { VervalProgram } from '../catalog/verval-programs'
import { INDONESIAN_TIME_ZONES, timeZoneOfArea } from '../areas/time-zones'
import { addCalendarDays, isLocalDate } from '../calendar/local-date'
import { formatInZone } from '../calendar/local-time'
import type { VervalRow } from './verval-row'

/** Who receives a desa's link: its Pemerintah Desa/Kelurahan entry of the provider directory. */
export interface DesaContact {
  providerId: string
  name: string
  email: string
}

/** What a desa sent through its link. */
export interface DesaSubmission {
  musdesDate: string
  uploadedAt: string
  rowCount: number
}

export interface DesaPartRecord {
  kecamatan: string
  program: VervalProgram
  period: string
  desaCode: string
  desaName: string
  contact: DesaContact
  status: 'REQUESTED' | 'RECEIVED'
  requestedAt: string
  requestedBy: { id: string; role: AuditActorRole }
  /** The link's expiry: past it the desa's link answers 410 and the TKSK enters its rows. */
  linkExpiresAt: string
  received?: DesaSubmission
}

/** The part's rows, kept apart from the record so lists stay small. */
export type DesaPartRows = VervalRow[]

/** How long a desa's link lives: two weeks, time for the musdes to meet and the sheet to be typed. */
export const DESA_LINK_DAYS = 14

/** A desa's file: its musdes rows fit many times over in 1 MiB. */
export const MAX_MUSDES_FILE_BYTES = 1024 * 1024

/**
 * Most rows one desa's part takes: a desa's KPM fit many times over. Rows with every chain
 * column filled take ~300 B, so the bytes are checked too (`MAX_DESA_ROWS_BYTES`).
 */
export const MAX_DESA_PART_ROWS = 2_000

/** The source name a conflict or an auditor reads: `Desa Sukamaju (musdes 2026-11-20)`. */
export const desaSourceLabel = (desaName: string, musdesDate: string): string =>
  `${desaName} (musdes ${musdesDate})`

export const TKSK_SOURCE_LABEL = 'TKSK'

export type MusdesDateProblem = 'FORMAT' | 'FUTURE' | 'OUTSIDE_PERIOD'

export const MUSDES_DATE_MESSAGES: Readonly<Record<MusdesDateProblem, string>> = {
  FORMAT: 'Tanggal musyawarah harus berformat TTTT-BB-HH, misalnya 2026-11-20.',
  FUTURE: 'Tanggal musyawarah tidak boleh di masa depan.',
  OUTSIDE_PERIOD: 'Tanggal musyawarah harus pada bulan periode verval atau bulan sebelumnya.',
}

const firstDayOfMonthBefore = (period: string): string => {
  const [year, month] = period.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`
}

/**
 * Why a musdes date is refused for `period` (`YYYY-MM`) when today (the area's local date)
 * is `today`. A musdes held from the month before the period until today is accepted: the
 * desa meets ahead of the month the verval reports, never after the upload.
 */
export const musdesDateProblem = (
  date: string,
  period: string,
  today: string,
): MusdesDateProblem | undefined => {
  if (!isLocalDate(date)) return 'FORMAT'
  if (date > today) return 'FUTURE'
  if (date < firstDayOfMonthBefore(period)) return 'OUTSIDE_PERIOD'
  return undefined
}

/** The local date a link sent on `today` stops working at the end of. */
export const desaLinkLastDay = (today: string): string => addCalendarDays(today, DESA_LINK_DAYS)

/** A row of the desa's file that names another desa: its line and the code it named. */
export interface ForeignRow {
  line: number
  kodeDesa: string
}

/** Rows whose `kode_desa` is not the desa's own: the desa reports its own families only. */
export const foreignRows = (rows: readonly VervalRow[], desaCode: string): ForeignRow[] =>
  rows.filter((row) => row.kode_desa !== desaCode).map((row) => ({ line: row.line, kodeDesa: row.kode_desa }))

/** What a used desa link answers: when the part arrived, in the kecamatan's zone. */
export const desaPartReceivedMessage = (part: Pick<DesaPartRecord, 'kecamatan' | 'received'>): string => {
  const zone = timeZoneOfArea(part.kecamatan) ?? INDONESIAN_TIME_ZONES.WIB
  const at = part.received ? formatInZone(part.received.uploadedAt, zone) : '-'
  return `Hasil musdes desa ini sudah diunggah pada ${at}. Untuk perbaikan, hubungi TKSK kecamatan.`
}

/** `Desa Sukamaju`, `Kelurahan Leuwiliang`: Kemendagri numbers kelurahan 1001–1999, desa from 2001. */
export const villageTitle = (code: string, name: string): string =>
  `${code.split('.')[3]?.startsWith('1') ? 'Kelurahan' : 'Desa'} ${name}`

/** Where a desa's part stands for the TKSK (issue 21 item 1). */
export type DesaPartState = 'RECEIVED' | 'WAITING' | 'EXPIRED' | 'NOT_ASKED' | 'NO_EMAIL'

/** One desa of the TKSK's overview: what arrived, or what is missing. */
export interface DesaPartLine {
  desaCode: string
  desaName: string
  email?: string
  state: DesaPartState
  requestedAt?: string
  linkExpiresAt?: string
  received?: DesaSubmission
}
