/**
 * The laporan workflow's catch-all (ADR 0025, 0040), as the case and verval workflows':
 * `markAttention` after a step failed for good, `awaitRetry` halting the execution until
 * "Coba lagi" redrives it, then handing the failed state's input back for `Resume`.
 */
import type { CaughtError } from '../../core/attention/attention'
import { laporanSubject } from '../../flows/attention/attention-subjects'
import { haltUntilRetry, recordFailure } from '../../flows/attention/workflow-attention'
import { getLaporan } from '../../data/laporan-repository'
import { SYSTEM } from '../../flows/laporan/laporan-deadline'
import { nowIso } from '../../shared/clock'
import type { LaporanState } from './laporan-state'

/** What `Attention<State>` (a Pass) builds: the failed state's name and its input, with the Catch's `error`. */
export interface CaughtState {
  failedState: string
  input: LaporanState & { error?: CaughtError }
}

const audit = (state: LaporanState) => ({ actor: SYSTEM, correlationId: state.correlationId, at: nowIso() })

const subjectOf = async (state: LaporanState) => {
  const record = await getLaporan(state.kecamatan, state.month)
  // The workflow starts only once the report exists, and reports are never deleted.
  if (!record) throw new Error(`laporan ${state.kecamatan} ${state.month} does not exist`)
  return laporanSubject(record)
}

export const markAttention = async (
  caught: CaughtState,
  execution: { executionArn: string; redriveCount: number },
): Promise<void> => {
  await recordFailure(
    await subjectOf(caught.input),
    {
      failedState: caught.failedState,
      ...(caught.input.error ? { error: caught.input.error } : {}),
      ...execution,
    },
    audit(caught.input),
  )
}

export const awaitRetry = async (
  caught: CaughtState,
  redriveCount: number,
): Promise<{ failedState: string; input: LaporanState }> => {
  await haltUntilRetry(await subjectOf(caught.input), redriveCount, audit(caught.input))
  const { error: _error, ...input } = caught.input
  return { failedState: caught.failedState, input }
}
