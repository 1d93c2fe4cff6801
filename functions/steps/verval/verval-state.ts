/**
 * What the verval workflow carries between states: the batch id and its chunk ranges;
 * the batch item holds the facts. `next` is what the Choice after a step reads.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { ChunkRange } from '../../core/verval/batch-status'

/**
 * What a step may name as next: the values the Choices of `workflows/verval.asl.json` test,
 * plus END (each Choice's Default, Done). test/unit/workflows/next-values.test.ts keeps
 * this list and the ASL equal.
 */
export const VERVAL_NEXT = ['VALIDATE', 'APPROVAL', 'AWAIT', 'DECIDED', 'APPLY', 'END'] as const

export type VervalNext = (typeof VERVAL_NEXT)[number]

export interface VervalState {
  batchId: string
  chunks?: ChunkRange[]
  waitSeconds?: number
  next?: VervalNext
}

export const SYSTEM_ACTOR: AuditActor = { id: 'tksk-flow', role: 'system' }

export const correlationOf = (batchId: string): string => `verval-workflow:${batchId}`

export const end = (state: VervalState): VervalState => ({ batchId: state.batchId, next: 'END' })
