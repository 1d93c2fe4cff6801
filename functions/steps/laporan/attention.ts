/** The laporan workflow's catch-all (ADR 0025, 0040): the shared steps, finding the report by kecamatan and month. */
import { laporanSubject } from '../../flows/attention/attention-subjects'
import { catchAllSteps } from '../../flows/attention/catch-all-steps'
import { getLaporan } from '../../data/laporan-repository'
import { SYSTEM } from '../../flows/laporan/laporan-deadline'
import type { LaporanState } from './laporan-state'

export const { markAttention, awaitRetry } = catchAllSteps<LaporanState>({
  subjectOf: async (state) => {
    const record = await getLaporan(state.kecamatan, state.month)
    // The workflow starts only once the report exists, and reports are never deleted.
    if (!record) throw new Error(`laporan ${state.kecamatan} ${state.month} does not exist`)
    return laporanSubject(record)
  },
  auditOf: (state) => ({ actor: SYSTEM, correlationId: state.correlationId }),
})
