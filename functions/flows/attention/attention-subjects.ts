/** A case or a batch as the NEEDS_ATTENTION records see it (data/attention-repository.ts). */
import type { CaseRecord } from '../../core/case/case-record'
import type { BatchRecord } from '../../core/verval/batch-record'
import type { AttentionSubject } from '../../data/attention-repository'
import { auditEntityId, batchKey, caseKey } from '../../data/keys'

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
