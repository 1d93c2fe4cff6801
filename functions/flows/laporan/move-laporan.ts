/**
 * The moves of a laporan by people (issue 16 item 5, ADR 0039): the TKSK writes the
 * narrative and submits; Dinsos acknowledges or returns with a note. Each is one
 * transaction of the report (on the version read), its audit entry and its mails.
 */
import type { Person } from '../../core/case/case-record'
import type { LaporanNarrative, LaporanRecord } from '../../core/laporan/laporan-record'
import { laporanNarrativeSchema, laporanReturnSchema } from '../../core/laporan/laporan-schema'
import {
  acknowledgeLaporan,
  editNarrative,
  type Move,
  returnLaporan,
  submitLaporan,
} from '../../core/laporan/laporan-transitions'
import type { MailDraft } from '../../core/outbox/outbox-mail'
import {
  getLaporan,
  type LaporanAction,
  LaporanWriteRefused,
  writeLaporan,
} from '../../data/laporan-repository'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import { approverFor, tkskFor } from '../case/routing'
import type { LaporanActor } from './laporan-actor'
import { laporanMailDraft } from './laporan-mail'

/** The report if the actor may see it; 404 otherwise, whether it exists or not. */
export const visibleLaporan = async (
  kecamatan: string,
  month: string,
  may: (area: string) => boolean,
): Promise<LaporanRecord> => {
  const record = may(kecamatan) ? await getLaporan(kecamatan, month) : undefined
  if (!record) throw new NotFoundError('Laporan tidak ditemukan.')
  return record
}

const applied = (move: Move): LaporanRecord => {
  if (move.ok) return move.next
  if (move.refusal.kind === 'input') throw new ValidationError(move.refusal.details)
  throw new ConflictError(move.refusal.message)
}

const commit = async (
  previous: LaporanRecord,
  next: LaporanRecord,
  action: LaporanAction,
  by: LaporanActor,
  mails: MailDraft[] = [],
  detail?: Record<string, unknown>,
): Promise<LaporanRecord> => {
  try {
    await writeLaporan(previous, next, {
      action,
      actor: by.actor,
      correlationId: by.correlationId,
      at: by.now,
      mails,
      ...(detail ? { detail } : {}),
    })
  } catch (error) {
    if (error instanceof LaporanWriteRefused)
      throw new ConflictError('Laporan baru saja diubah orang lain. Muat ulang lalu coba lagi.')
    throw error
  }
  return next
}

const tkskOnly = (kecamatan: string, by: LaporanActor): void => {
  if (!by.mayWrite(kecamatan)) throw new ForbiddenError('Hanya TKSK kecamatan ini yang mengisi laporannya.')
}

const dinsosOnly = (kecamatan: string, by: LaporanActor): void => {
  if (!by.mayReview(kecamatan))
    throw new ForbiddenError('Hanya Dinas Sosial yang menerima atau mengembalikan laporan.')
}

export const saveNarrative = async (
  kecamatan: string,
  month: string,
  input: unknown,
  by: LaporanActor,
): Promise<LaporanRecord> => {
  const narrative: LaporanNarrative = parseWith(laporanNarrativeSchema, input)
  const previous = await visibleLaporan(kecamatan, month, by.may)
  tkskOnly(kecamatan, by)
  // What the TKSK wrote is free text about people: the entry says it changed, not what it says.
  return commit(previous, applied(editNarrative(previous, narrative, by.now)), 'LAPORAN_NARRATIVE_SAVED', by)
}

const mailsTo = (next: LaporanRecord, people: Person[], kind: Parameters<typeof laporanMailDraft>[2]) =>
  people.map((person) => laporanMailDraft(next, person, kind))

export const submitMonthly = async (
  kecamatan: string,
  month: string,
  by: LaporanActor,
): Promise<LaporanRecord> => {
  const previous = await visibleLaporan(kecamatan, month, by.may)
  tkskOnly(kecamatan, by)
  const next = applied(submitLaporan(previous, by.actor.id, by.now))
  return commit(
    previous,
    next,
    'LAPORAN_SUBMITTED',
    by,
    mailsTo(next, [await approverFor(kecamatan)], 'SUBMITTED'),
  )
}

export const acknowledgeMonthly = async (
  kecamatan: string,
  month: string,
  by: LaporanActor,
): Promise<LaporanRecord> => {
  const previous = await visibleLaporan(kecamatan, month, by.may)
  dinsosOnly(kecamatan, by)
  const next = applied(acknowledgeLaporan(previous, by.actor.id, by.now))
  return commit(
    previous,
    next,
    'LAPORAN_ACKNOWLEDGED',
    by,
    mailsTo(next, [await tkskFor(kecamatan)], 'ACKNOWLEDGED'),
  )
}

export const returnMonthly = async (
  kecamatan: string,
  month: string,
  input: unknown,
  by: LaporanActor,
): Promise<LaporanRecord> => {
  const { note } = parseWith(laporanReturnSchema, input)
  const previous = await visibleLaporan(kecamatan, month, by.may)
  dinsosOnly(kecamatan, by)
  const next = applied(returnLaporan(previous, note, by.actor.id, by.now))
  return commit(previous, next, 'LAPORAN_RETURNED', by, mailsTo(next, [await tkskFor(kecamatan)], 'RETURNED'))
}
