/**
 * The deadline workflow of a laporan (workflows/laporan.asl.json): named by the report's
 * id, started when the report is opened and by every later open while the start is owed
 * (the policy of flows/workflow/start-once.ts).
 */
import type { LaporanRecord } from '../../core/laporan/laporan-record'
import { markLaporanWorkflowStarted } from '../../data/laporan-repository'
import { startWorkflowOnce } from '../workflow/start-once'

export const ensureLaporanWorkflowStarted = async (
  record: Pick<LaporanRecord, 'laporanId' | 'kecamatan' | 'month' | 'workflowStartedAt'>,
  correlationId: string,
): Promise<boolean> =>
  record.workflowStartedAt !== undefined ||
  startWorkflowOnce({
    workflow: 'laporan',
    name: record.laporanId,
    input: { kecamatan: record.kecamatan, month: record.month },
    correlationId,
    markStarted: (at) => markLaporanWorkflowStarted(record.kecamatan, record.month, at),
  })
