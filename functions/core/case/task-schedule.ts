/**
 * When a human step is due, reminded, escalated and finally given up (DESIGN §3), as a
 * list of milestones computed once when the task opens. The workflow sleeps until the
 * next one (`nextWake`), then `dueMilestones` says what to do: only the latest reminder
 * of a batch that became due together is sent, so a clock jump of weeks sends one mail,
 * not twenty.
 */
import { addWorkingDays, type WorkingDayOptions } from '../calendar/working-days'
import type { TaskKind } from './task-kinds'

export type MilestoneType = 'REMINDER' | 'ESCALATE' | 'FINAL'

export interface Milestone {
  /** Stable within the task: what marks it done. */
  id: string
  type: MilestoneType
  at: string
}

export interface TaskSchedule {
  dueAt: string
  finalAt: string
  milestones: Milestone[]
}

/** A schedule with the year of its due date when that year's days off were not kept (TaskRecord). */
export interface MarkedSchedule extends TaskSchedule {
  dueYearUnlisted?: number
}

const DAY_MS = 24 * 60 * 60 * 1000

interface KindRules {
  /** Due in working days, or in calendar days when `dueCalendarDays` is set. */
  dueWorkingDays?: number
  dueCalendarDays?: number
  finalCalendarDays: number
  escalateAtDue: boolean
  dailyAfterDue: boolean
  /** `false`: no reminder the day before due (an offer, not a duty: ADR 0037's follow-up). */
  remindBeforeDue?: false
}

const RULES: Readonly<Record<TaskKind, KindRules>> = {
  ASSESSMENT: { dueWorkingDays: 5, finalCalendarDays: 30, escalateAtDue: true, dailyAfterDue: false },
  ASSESSMENT_ESCALATION: {
    dueWorkingDays: 3,
    finalCalendarDays: 30,
    escalateAtDue: false,
    dailyAfterDue: false,
  },
  APPROVAL: { dueWorkingDays: 3, finalCalendarDays: 30, escalateAtDue: true, dailyAfterDue: true },
  // Like an approval: the head of Dinsos is brought in at due, and both are reminded daily.
  PROVIDER_CHOICE: { dueWorkingDays: 3, finalCalendarDays: 30, escalateAtDue: true, dailyAfterDue: true },
  REFERRAL_RESPONSE: { dueWorkingDays: 3, finalCalendarDays: 30, escalateAtDue: true, dailyAfterDue: false },
  REREFERRAL: { dueWorkingDays: 3, finalCalendarDays: 30, escalateAtDue: false, dailyAfterDue: false },
  REFERRAL_RESULT: { dueCalendarDays: 30, finalCalendarDays: 60, escalateAtDue: false, dailyAfterDue: false },
  // Its own due date (ADR 0027): 10 hari kerja for the NIK, open until 60 days for a late answer.
  ADMINDUK_REFERRAL: {
    dueWorkingDays: 10,
    finalCalendarDays: 60,
    escalateAtDue: false,
    dailyAfterDue: false,
  },
  // Like the assessment (ADR 0036): 5 hari kerja, reminder the day before, Dinsos at due.
  BANSOS_VERIFICATION: {
    dueWorkingDays: 5,
    finalCalendarDays: 30,
    escalateAtDue: true,
    dailyAfterDue: false,
  },
  // The offer of another service after a result closed the case (ADR 0037): 14 days, no
  // reminder, no escalation; unanswered, it lapses and the case stays closed.
  FOLLOW_UP: {
    dueCalendarDays: 14,
    finalCalendarDays: 14,
    escalateAtDue: false,
    dailyAfterDue: false,
    remindBeforeDue: false,
  },
}

const iso = (ms: number): string => new Date(ms).toISOString()

/** Milestones from a due date on: reminder the day before, escalation at due, daily reminders, final. */
export const milestonesFor = (kind: TaskKind, dueAt: Date, finalAt: Date, startedAt: Date): Milestone[] => {
  const rules = RULES[kind]
  const milestones: Milestone[] = []
  const reminderMs = dueAt.getTime() - DAY_MS
  if (rules.remindBeforeDue !== false && reminderMs > startedAt.getTime())
    milestones.push({ id: 'reminder', type: 'REMINDER', at: iso(reminderMs) })
  if (rules.escalateAtDue && dueAt < finalAt)
    milestones.push({ id: 'escalate', type: 'ESCALATE', at: iso(dueAt.getTime()) })
  if (rules.dailyAfterDue) {
    for (let n = 1, at = dueAt.getTime() + DAY_MS; at < finalAt.getTime(); n++, at += DAY_MS)
      milestones.push({ id: `daily-${n}`, type: 'REMINDER', at: iso(at) })
  }
  milestones.push({ id: 'final', type: 'FINAL', at: iso(finalAt.getTime()) })
  return milestones
}

export const scheduleTask = (kind: TaskKind, openedAt: Date, calendar: WorkingDayOptions): TaskSchedule => {
  const rules = RULES[kind]
  const dueAt =
    rules.dueCalendarDays !== undefined
      ? new Date(openedAt.getTime() + rules.dueCalendarDays * DAY_MS)
      : addWorkingDays(openedAt, rules.dueWorkingDays ?? 0, calendar)
  const finalAt = new Date(openedAt.getTime() + rules.finalCalendarDays * DAY_MS)
  return {
    dueAt: iso(dueAt.getTime()),
    finalAt: iso(finalAt.getTime()),
    milestones: milestonesFor(kind, dueAt, finalAt, openedAt),
  }
}

/** A new due date N working days from now (EXTEND), keeping the final deadline. */
export const extendSchedule = (
  kind: TaskKind,
  schedule: Pick<TaskSchedule, 'finalAt'>,
  now: Date,
  days: number,
  calendar: WorkingDayOptions,
): TaskSchedule => {
  const dueAt = addWorkingDays(now, days, calendar)
  const finalAt = new Date(Math.max(Date.parse(schedule.finalAt), dueAt.getTime() + DAY_MS))
  return {
    dueAt: iso(dueAt.getTime()),
    finalAt: iso(finalAt.getTime()),
    milestones: milestonesFor(kind, dueAt, finalAt, now),
  }
}

export interface DueMilestones {
  final: boolean
  escalate?: Milestone
  /** The one reminder to send now (the latest due one). */
  reminder?: Milestone
  /** Every milestone that is due, sent or skipped: all are marked done. */
  settled: Milestone[]
}

export const dueMilestones = (
  milestones: readonly Milestone[],
  done: ReadonlySet<string>,
  now: Date,
): DueMilestones => {
  const due = milestones.filter((m) => !done.has(m.id) && Date.parse(m.at) <= now.getTime())
  const final = due.some((m) => m.type === 'FINAL')
  const reminders = due.filter((m) => m.type === 'REMINDER')
  const escalate = due.find((m) => m.type === 'ESCALATE')
  const reminder = reminders.at(-1)
  return {
    final,
    ...(escalate && !final ? { escalate } : {}),
    ...(reminder && !final && !escalate ? { reminder } : {}),
    settled: due,
  }
}

/** Seconds until the next milestone not yet done (at least 1: Step Functions refuses 0). */
export const secondsUntilNext = (
  milestones: readonly Milestone[],
  done: ReadonlySet<string>,
  now: Date,
): number => {
  const next = milestones
    .filter((m) => !done.has(m.id) && Date.parse(m.at) > now.getTime())
    .map((m) => Date.parse(m.at))
    .sort((a, b) => a - b)[0]
  return next === undefined ? 1 : Math.max(1, Math.ceil((next - now.getTime()) / 1000))
}
