/**
 * The monthly pengesahan deadline (issue 21.5, ADR 0035): the day an admin sets per
 * kabupaten/kota, each kecamatan's state against it (the Dinsos pages), and the daily
 * run that reminds and escalates what is late, each message once: the reminder's record
 * and its mails are one transaction (the outbox, ADR 0018).
 */
import { kabupatenOf } from '../../core/areas/area-code'
import { timeZoneOfArea } from '../../core/areas/time-zones'
import type { AuditActor } from '../../core/audit/audit-entry'
import { localDateOf } from '../../core/calendar/local-date'
import type { Person } from '../../core/case/case-record'
import { mailDraft } from '../../core/outbox/outbox-mail'
import { VERVAL_PROGRAMS, type VervalProgram } from '../../core/catalog/verval-programs'
import { isApprovedBatch } from '../../core/verval/berita-acara'
import {
  DEFAULT_PENGESAHAN_DAY,
  dueMilestone,
  isKecamatanKind,
  type KabupatenDeadline,
  type PengesahanDay,
  kecamatanState,
  type LateItem,
  lateItems,
  type Milestone,
  type MissingDesaPart,
  missingDesaParts,
  pengesahanDate,
  recipientsOf,
  uploadedPrograms,
} from '../../core/verval/pengesahan'
import type { BatchRecord } from '../../core/verval/batch-record'
import { batchesOfPeriod, latestRevision } from '../../data/berita-acara-repository'
import { listDesaParts } from '../../data/desa-part-repository'
import { placeLabel } from '../../core/areas/place-label'
import { loadAreaIndex } from '../../data/area-source'
import { pengesahanAuditEntityId } from '../../data/keys'
import {
  getPengesahanDay,
  PengesahanDayChangedError,
  putPengesahanDay,
  recordReminder,
  type StoredPengesahanDay,
  watchedKabupatens,
} from '../../data/pengesahan-repository'
import { listStaffIn, staffInArea, type StaffMember } from '../../data/user-repository'
import { composePengesahanMail } from '../../mail/pengesahan-mail'
import { env } from '../../shared/env'
import { ConflictError } from '../../shared/errors'
import { formatLongDate } from '../../web/dates'
import { personOf } from '../case/routing'

export type { KabupatenDeadline, PengesahanDay }

export const PENGESAHAN_JOB_ACTOR: AuditActor = { id: 'pengesahan-job', role: 'system' }

export const pengesahanDayOf = async (kabupaten: string): Promise<PengesahanDay> => {
  const stored = await getPengesahanDay(kabupaten)
  return stored
    ? { kabupaten, day: stored.day, source: 'stored', version: stored.version }
    : { kabupaten, day: DEFAULT_PENGESAHAN_DAY, source: 'default', version: 0 }
}

/** The admin sets the day (and with it starts the watch); PENGESAHAN_DAY_SET with before and after. */
export const setPengesahanDay = async (
  kabupaten: string,
  day: number,
  actor: AuditActor,
  correlationId: string,
  at: Date,
): Promise<PengesahanDay> => {
  const current = await getPengesahanDay(kabupaten)
  const expected = current?.version ?? 0
  const next: StoredPengesahanDay = { kabupaten, day, updatedAt: at.toISOString(), version: expected + 1 }
  try {
    await putPengesahanDay(next, expected, {
      entityId: pengesahanAuditEntityId(kabupaten),
      area: kabupaten,
      actor,
      action: 'PENGESAHAN_DAY_SET',
      before: current ? { day: current.day } : null,
      after: { day },
      correlationId,
    })
  } catch (error) {
    if (error instanceof PengesahanDayChangedError)
      throw new ConflictError(
        'Tanggal pengesahan diubah orang lain sementara itu. Muat ulang lalu coba lagi.',
      )
    throw error
  }
  return { kabupaten, day, source: 'stored', version: next.version }
}

const zoneOf = (area: string): string => timeZoneOfArea(area) ?? 'Asia/Jakarta'

/** Every active TKSK of the kabupaten/kota, from its directory partition. */
const tkskOf = async (kabupaten: string): Promise<StaffMember[]> => {
  const members: StaffMember[] = []
  let cursor: string | undefined
  do {
    const page = await listStaffIn(kabupaten, { limit: 100, ...(cursor ? { cursor } : {}) })
    members.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return members.filter((member) => member.role === 'tksk' && member.active !== false)
}

/**
 * The desa parts a kecamatan still waits for: one query per program it has not uploaded
 * (the overview's read, `GET /api/verval-desa/parts`, without the rows).
 */
const desaPartsMissingIn = async (
  kecamatan: string,
  period: string,
  batches: readonly BatchRecord[],
): Promise<MissingDesaPart[]> => {
  const uploaded = uploadedPrograms(batches)
  const open = VERVAL_PROGRAMS.filter((program) => !uploaded.includes(program))
  const parts = await Promise.all(open.map((program) => listDesaParts({ kecamatan, program, period })))
  return missingDesaParts(parts.flat(), uploaded)
}

/** Each kecamatan's state against the period's deadline (the kecamatan with a TKSK, and any that uploaded). */
export const kabupatenDeadline = async (kabupaten: string, at: Date): Promise<KabupatenDeadline> => {
  const today = localDateOf(at, zoneOf(kabupaten))
  const period = today.slice(0, 7)
  const [day, batches, tksk] = await Promise.all([
    pengesahanDayOf(kabupaten),
    batchesOfPeriod(kabupaten, period),
    tkskOf(kabupaten),
  ])
  const byKecamatan = new Map<string, BatchRecord[]>()
  for (const member of tksk) byKecamatan.set(member.area, byKecamatan.get(member.area) ?? [])
  for (const batch of batches)
    byKecamatan.set(batch.kecamatan, [...(byKecamatan.get(batch.kecamatan) ?? []), batch])
  const missing = new Map(
    await Promise.all(
      [...byKecamatan.entries()].map(
        async ([code, list]) => [code, await desaPartsMissingIn(code, period, list)] as const,
      ),
    ),
  )
  const kecamatan = [...byKecamatan.entries()]
    .map(([code, list]) => ({
      kecamatan: code,
      state: kecamatanState(list.map((batch) => batch.status)),
      desaPartsMissing: missing.get(code)?.length ?? 0,
    }))
    .sort((a, b) => a.kecamatan.localeCompare(b.kecamatan))
  const approvedPrograms = [...new Set(batches.filter(isApprovedBatch).map((batch) => batch.program))]
  const unsignedPrograms: VervalProgram[] = []
  for (const program of approvedPrograms) {
    const revision = await latestRevision({ area: kabupaten, program, period })
    if (!revision?.signature) unsignedPrograms.push(program)
  }
  const awaitingApproval = batches.filter((batch) => batch.status === 'AWAITING_APPROVAL').length
  return {
    kabupaten,
    period,
    today,
    deadline: pengesahanDate(period, day.day),
    day,
    kecamatan,
    awaitingApproval,
    unsignedPrograms: unsignedPrograms.sort(),
    late: lateItems({
      kecamatanStates: Object.fromEntries(kecamatan.map((k) => [k.kecamatan, k.state])),
      kabupaten,
      awaitingApproval,
      unsignedPrograms,
      missingDesaParts: Object.fromEntries(missing),
    }),
  }
}

const recipients = async (item: LateItem, milestone: Milestone, kabupaten: string): Promise<Person[]> => {
  const people: Person[] = []
  for (const role of recipientsOf(item.kind, milestone)) {
    const area = role === 'tksk' ? item.subject : kabupaten
    people.push(...(await staffInArea(area, role)).map(personOf))
  }
  // Nobody in a role (a kecamatan without TKSK, a kabupaten without a head): its admin hears of it.
  if (people.length === 0) people.push(...(await staffInArea(kabupaten, 'admin')).map(personOf))
  return [...new Map(people.map((person) => [person.id, person])).values()]
}

export interface ReminderRun {
  sent: { kabupaten: string; kind: string; subject: string; milestone: Milestone; to: string[] }[]
}

/**
 * The daily run (and, locally, every move of the project clock): for each watched
 * kabupaten/kota, the milestone due today for what is late, sent once.
 */
export const runPengesahanReminders = async (at: Date): Promise<ReminderRun> => {
  const run: ReminderRun = { sent: [] }
  for (const watched of await watchedKabupatens()) {
    const kabupaten = kabupatenOf(watched.kabupaten) ?? watched.kabupaten
    const today = localDateOf(at, zoneOf(kabupaten))
    const deadline = pengesahanDate(today.slice(0, 7), watched.day)
    const milestone = dueMilestone(today, deadline)
    if (!milestone) continue
    const state = await kabupatenDeadline(kabupaten, at)
    for (const item of state.late) {
      const people = await recipients(item, milestone, kabupaten)
      const owner = `pengesahan:${kabupaten}:${state.period}:${item.subject}:${item.kind}:${milestone}`
      const subjectLabel =
        item.kind === 'NOT_SIGNED' ? item.subject : placeLabel(loadAreaIndex(), item.subject)
      const mails = people.map((person) =>
        mailDraft(
          composePengesahanMail(person, {
            item,
            milestone,
            period: state.period,
            deadlineLabel: formatLongDate(deadline),
            subjectLabel,
            pageUrl: `${env.publicBaseUrl().replace(/\/+$/, '')}/staff/pengesahan`,
          }),
          {
            owner,
            purpose: person.id,
            area: isKecamatanKind(item.kind) ? item.subject : kabupaten,
            recipientId: person.id,
          },
        ),
      )
      const recorded = await recordReminder(
        {
          kabupaten,
          period: state.period,
          subject: item.subject,
          kind: item.kind,
          milestone,
          recipientIds: people.map((person) => person.id),
          sentAt: at.toISOString(),
        },
        mails,
        {
          entityId: pengesahanAuditEntityId(kabupaten),
          area: isKecamatanKind(item.kind) ? item.subject : kabupaten,
          actor: PENGESAHAN_JOB_ACTOR,
          action: milestone === 'ESCALATE' ? 'PENGESAHAN_ESCALATED' : 'PENGESAHAN_REMINDED',
          after: {
            period: state.period,
            kind: item.kind,
            subject: item.subject,
            milestone,
            ...(item.count === undefined ? {} : { count: item.count }),
            to: people.map((p) => p.id),
          },
          correlationId: owner,
        },
      )
      if (recorded)
        run.sent.push({
          kabupaten,
          kind: item.kind,
          subject: item.subject,
          milestone,
          to: people.map((p) => p.email),
        })
    }
  }
  return run
}
