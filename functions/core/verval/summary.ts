/**
 * The summary of a batch (DESIGN §4 `summary`), counted per desa so the approver sees
 * where the changes are; chunks are counted separately and merged.
 */
import type { Effect } from './registry-rules'

export type Counts = Record<Effect, number>

export interface BatchSummary extends Counts {
  byDesa: Record<string, Counts>
}

export const emptyCounts = (): Counts => ({ added: 0, updated: 0, removed: 0, unchanged: 0 })
export const emptySummary = (): BatchSummary => ({ ...emptyCounts(), byDesa: {} })

export const countEffect = (summary: BatchSummary, desa: string, effect: Effect): void => {
  summary[effect] += 1
  const counts = (summary.byDesa[desa] ??= emptyCounts())
  counts[effect] += 1
}

const EFFECTS: readonly Effect[] = ['added', 'updated', 'removed', 'unchanged']

const addCounts = (into: Counts, from: Counts): void => {
  for (const effect of EFFECTS) into[effect] += from[effect]
}

export const mergeSummaries = (summaries: readonly BatchSummary[]): BatchSummary => {
  const total = emptySummary()
  for (const summary of summaries) {
    addCounts(total, summary)
    for (const [desa, counts] of Object.entries(summary.byDesa))
      addCounts((total.byDesa[desa] ??= emptyCounts()), counts)
  }
  return total
}
