/**
 * One kegiatan of a TKSK's activity log (issue 16 item 4). The id is chosen by the form
 * (a ULID made on the phone), so a submission repeated after the signal came back
 * writes nothing twice (ADR 0031).
 */
import type { ActivityKind, CoordinationPartner } from './activity-kinds'

export interface ActivityRecord {
  activityId: string
  kind: ActivityKind
  /** Koordinasi/rakor only: with whom. */
  partners?: CoordinationPartner[]
  /** The calendar day it took place (`YYYY-MM-DD`, the kecamatan's own date). */
  date: string
  /** Kemendagri code of the desa/kelurahan where it took place. */
  desa: string
  kecamatan: string
  kabupaten: string
  /** Number of people reached. */
  reached: number
  notes: string
  /** The TKSK who logged it. */
  loggedBy: string
  createdAt: string
}

export type ActivityView = Omit<ActivityRecord, 'kabupaten'>

export const activityView = ({ kabupaten: _kabupaten, ...view }: ActivityRecord): ActivityView => view

/**
 * What the append-only ACTIVITY_LOGGED entry keeps: the kegiatan without its free-text
 * notes, which may name people and would outlive any correction or retention of the log.
 */
export const activityAuditView = (record: ActivityRecord): Omit<ActivityView, 'notes'> => {
  const { notes: _notes, ...view } = activityView(record)
  return view
}

/** The month (`YYYY-MM`) an activity is listed under. */
export const monthOf = (date: string): string => date.slice(0, 7)
