/** Minimal records for the report rules: only what they read is meaningful. */
import type { CaseRecord } from '../../../../functions/core/case/case-record'
import type { TaskRecord } from '../../../../functions/core/case/task-record'
import type { BatchRecord } from '../../../../functions/core/verval/batch-record'

let serial = 0

export const aCase = (overrides: Partial<CaseRecord> = {}): CaseRecord => {
  serial++
  const createdAt = overrides.createdAt ?? '2026-03-10T03:00:00.000Z'
  return {
    caseId: `case-${serial}`,
    reference: `320114-2026-${String(serial).padStart(6, '0')}`,
    status: 'IDENTIFICATION',
    kecamatan: '32.01.14',
    kabupaten: '32.01',
    applicant: {} as CaseRecord['applicant'],
    nikRef: `ref-${serial}`,
    nikRegisteredElsewhere: false,
    category: 'FAKIR_MISKIN',
    sensitive: false,
    service: 'JAMKESDA',
    consentVersion: 'v1',
    createdAt,
    updatedAt: createdAt,
    history: [{ status: 'IDENTIFICATION', at: createdAt }],
    ...overrides,
  }
}

export const aTask = (overrides: Partial<TaskRecord> = {}): TaskRecord => {
  serial++
  return {
    taskId: `task-${serial}`,
    caseId: `case-${serial}`,
    reference: `320114-2026-${String(serial).padStart(6, '0')}`,
    kind: 'APPROVAL',
    round: 1,
    status: 'OPEN',
    area: '32.01.14',
    assignees: [{ id: 'dinsos.bogor', role: 'dinsos', name: 'Dinsos', email: 'd@x' }],
    createdAt: '2026-03-10T03:00:00.000Z',
    dueAt: '2026-03-13T16:59:59.999Z',
    finalAt: '2026-04-09T03:00:00.000Z',
    milestones: [],
    done: [],
    ...overrides,
  }
}

export const aBatch = (overrides: Partial<BatchRecord> = {}): BatchRecord => {
  serial++
  return {
    batchId: `batch-${serial}`,
    kecamatan: '32.01.14',
    program: 'BPNT',
    period: '2026-03',
    status: 'APPLIED',
    rows: 10,
    errorCount: 0,
    uploadedBy: { id: 'tksk.leuwiliang', email: 't@x' },
    createdAt: '2026-03-05T03:00:00.000Z',
    updatedAt: '2026-03-05T03:00:00.000Z',
    ...overrides,
  }
}

/** A case that went through every stage at the given instants. */
export const aClosedCase = (at: { filed: string; recommended: string; referred: string; closed: string }) =>
  aCase({
    createdAt: at.filed,
    status: 'CLOSED',
    outcome: 'FULFILLED',
    closedAt: at.closed,
    referral: { providerId: 'p', providerName: 'P', acceptedAt: at.referred },
    history: [
      { status: 'IDENTIFICATION', at: at.filed },
      { status: 'ASSESSMENT', at: at.filed },
      { status: 'RECOMMENDATION', at: at.recommended },
      { status: 'REFERRAL', at: at.referred },
      { status: 'CLOSED', at: at.closed },
    ],
  })
