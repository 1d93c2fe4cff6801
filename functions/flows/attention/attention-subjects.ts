/** A case, a batch or a laporan bulanan as the NEEDS_ATTENTION records see it (data/attention-repository.ts). */
import type { CaseRecord } from '../../core/case/case-record'
import type { LaporanRecord } from '../../core/laporan/laporan-record'
import type { BatchRecord } from '../../core/verval/batch-record'
import type { AttentionSubject } from '../../data/attention-repository'
import { auditEntityId, batchKey, caseKey, laporanAuditEntityId, laporanKey } from '../../data/keys'

export const caseSubject = (record: CaseRecord): AttentionSubject => ({
  kind: 'CASE',
  id: record.caseId,
  area: record.kecamatan,
  key: caseKey(record.caseId),
  entityId: auditEntityId.case(record.caseId),
  label: record.reference,
  status: record.status,
})

/** A verval batch, named by its program and period (what the kecamatan's staff call it). */
export const batchSubject = (batch: BatchRecord): AttentionSubject => ({
  kind: 'BATCH',
  id: batch.batchId,
  area: batch.kecamatan,
  key: batchKey(batch.batchId),
  entityId: auditEntityId.batch(batch.batchId),
  label: `Verval ${batch.program} ${batch.period}`,
  status: batch.status,
})

/** A laporan bulanan, named by its kecamatan and month (no narrative: it is about people). */
export const laporanSubject = (
  record: Pick<LaporanRecord, 'laporanId' | 'kecamatan' | 'month' | 'status'>,
): AttentionSubject => ({
  kind: 'LAPORAN',
  id: record.laporanId,
  area: record.kecamatan,
  key: laporanKey(record.kecamatan, record.month),
  entityId: laporanAuditEntityId(record.laporanId),
  label: `Laporan bulanan ${record.kecamatan} ${record.month}`,
  status: record.status,
})
