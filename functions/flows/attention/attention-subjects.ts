/** A case or a batch as the NEEDS_ATTENTION records see it (data/attention-repository.ts). */
import type { CaseRecord } from '../../core/case/case-record'
import type { AttentionSubject } from '../../data/attention-repository'
import { auditEntityId, caseKey } from '../../data/keys'

export const caseSubject = (record: CaseRecord): AttentionSubject => ({
  kind: 'CASE',
  id: record.caseId,
  area: record.kecamatan,
  key: caseKey(record.caseId),
  entityId: auditEntityId.case(record.caseId),
  label: record.reference,
  status: record.status,
})
