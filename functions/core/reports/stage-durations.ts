/**
 * How long the stages of a case took, read from its status history (DESIGN §3):
 * - assessment: filing → the assessment is done (the case enters RECOMMENDATION, or is
 *   closed NOT_ELIGIBLE by the assessment);
 * - approval: the first RECOMMENDATION → the approval is decided (the case enters
 *   REFERRAL, or is closed REJECTED); a REVISE round trip counts in this stage;
 * - closing: the first REFERRAL → CLOSED.
 * A stage that has not ended has no duration. A duration belongs to the month its end
 * falls in.
 */
import type { CaseOutcome, CaseStatus } from '../catalog/case-statuses'

export const STAGES = ['assessment', 'approval', 'closing'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  assessment: 'Identifikasi → asesmen selesai',
  approval: 'Asesmen → keputusan persetujuan',
  closing: 'Persetujuan → selesai',
}

export interface CaseTimeline {
  createdAt: string
  outcome?: CaseOutcome
  history: readonly { status: CaseStatus; at: string }[]
}

export interface StageSpan {
  stage: Stage
  start: string
  end: string
  days: number
}

const DAY_MS = 24 * 60 * 60 * 1000

const firstAt = (timeline: CaseTimeline, status: CaseStatus): string | undefined =>
  timeline.history.find((entry) => entry.status === status)?.at

const closedBy = (timeline: CaseTimeline, outcome: CaseOutcome): string | undefined =>
  timeline.outcome === outcome ? firstAt(timeline, 'CLOSED') : undefined

const span = (stage: Stage, start: string | undefined, end: string | undefined): StageSpan[] =>
  start && end ? [{ stage, start, end, days: (Date.parse(end) - Date.parse(start)) / DAY_MS }] : []

export const stageSpans = (timeline: CaseTimeline): StageSpan[] => {
  const recommended = firstAt(timeline, 'RECOMMENDATION')
  const referred = firstAt(timeline, 'REFERRAL')
  return [
    ...span('assessment', timeline.createdAt, recommended ?? closedBy(timeline, 'NOT_ELIGIBLE')),
    ...span('approval', recommended, referred ?? closedBy(timeline, 'REJECTED')),
    ...span('closing', referred, firstAt(timeline, 'CLOSED')),
  ]
}
