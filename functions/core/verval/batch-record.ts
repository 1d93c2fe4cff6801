/** A verval batch as the system keeps it (DESIGN §2 data model, §3 statuses). */
import type { AuditActorRole } from '../audit/audit-entry'
import type { Person } from '../case/case-record'
import type { VervalProgram } from '../catalog/verval-programs'
import type { BatchStatus } from './batch-status'
import type { Repeat } from './repeats'
import type { DecidedBy } from '../links/decided-message'
import type { SourceRange } from './compose-parts'
import type { BatchSummary } from './summary'
import type { VervalRow } from './verval-row'

export interface BatchRecord {
  batchId: string
  kecamatan: string
  program: VervalProgram
  period: string
  status: BatchStatus
  /** Data rows in the file. */
  rows: number
  errorCount: number
  summary?: BatchSummary
  uploadedBy: { id: string; email: string }
  createdAt: string
  updatedAt: string
  /** When its workflow was known to run; absent while the start is still to be retried. */
  workflowStartedAt?: string
  /** The approval task while AWAITING_APPROVAL and after. */
  taskId?: string
  /** `by` is the decider's user id; `name` how people know them (absent on batches decided before it was kept). */
  decision?: {
    decision: 'APPROVE' | 'REJECT'
    reason?: string
    by: string
    name?: string
    role?: AuditActorRole
    at: string
  }
  approval?: {
    dueAt: string
    finalAt: string
    milestones: { id: string; type: 'REMINDER' | 'ESCALATE' | 'FINAL'; at: string }[]
    approvers: Person[]
    done: string[]
  }
  /** Where the workflow stood when a step failed for good (status FAILED, ADR 0004). */
  failure?: { from: BatchStatus; error: string }
  /** BARU rows of families active in another kecamatan (told to both TKSK on apply). */
  moves?: { line: number; from: string }[]
  /** Sound rows whose NIK or KK names a kecamatan not in today's list (DESIGN §1: accepted, flagged). */
  oldRegions?: OldRegionRows
  /** A batch composed from desa parts (ADR 0033): which lines came from which source. */
  sources?: SourceRange[]
  /** The last national export that carried this batch (ADR 0034), and how many did. */
  sentToNational?: NationalSending
  sendCount?: number
}

export interface NationalSending {
  exportId: string
  at: string
  /** The Dinsos user who exported. */
  by: string
}

export interface OldRegionRows {
  count: number
  /** The first lines, in order: enough to find them in the sheet, small enough for the item. */
  lines: number[]
}

const SHOWN_OLD_REGION_LINES = 100

/** The flagged lines of a batch, or `undefined` when there are none. */
export const oldRegionsOf = (lines: readonly number[]): OldRegionRows | undefined =>
  lines.length === 0
    ? undefined
    : { count: lines.length, lines: [...lines].sort((a, b) => a - b).slice(0, SHOWN_OLD_REGION_LINES) }

/** A row as stored: its index in the file (`ROW#`), the sheet's cells and the repeats found at upload. */
export interface StoredRow extends VervalRow {
  index: number
  repeats: Repeat[]
}

/** The public view of `GET /api/verval/{batchId}` (DESIGN §4). */
export const batchView = (batch: BatchRecord) => ({
  batchId: batch.batchId,
  kecamatan: batch.kecamatan,
  program: batch.program,
  period: batch.period,
  status: batch.status,
  rows: batch.rows,
  errorCount: batch.errorCount,
  summary: {
    added: batch.summary?.added ?? 0,
    updated: batch.summary?.updated ?? 0,
    removed: batch.summary?.removed ?? 0,
    unchanged: batch.summary?.unchanged ?? 0,
  },
  byDesa: batch.summary?.byDesa ?? {},
  createdAt: batch.createdAt,
  updatedAt: batch.updatedAt,
  // The decider's name and role beside the id, found among the approvers for old decisions.
  ...(batch.decision ? { decision: { ...batch.decision, ...batchDecider(batch) } } : {}),
  ...(batch.oldRegions ? { oldRegions: batch.oldRegions } : {}),
  ...(batch.sentToNational ? { sentToNational: batch.sentToNational, sendCount: batch.sendCount ?? 1 } : {}),
  ...(batch.sources ? { sources: batch.sources } : {}),
})

export type DecidedBatch = Pick<BatchRecord, 'decision' | 'approval' | 'kecamatan'>

/** Decisions made before the name (or role) was kept find it among the batch's approvers. */
export const batchDecider = (batch: DecidedBatch): DecidedBy | undefined => {
  const decision = batch.decision
  if (!decision) return undefined
  const approver = batch.approval?.approvers.find((candidate) => candidate.id === decision.by)
  return { name: decision.name ?? approver?.name, role: decision.role ?? approver?.role }
}
