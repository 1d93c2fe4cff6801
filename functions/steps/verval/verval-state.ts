/**
 * What the verval workflow carries between states: the batch id and its chunk ranges;
 * the batch item holds the facts. `next` is what the Choice after a step reads.
 */
import type { AuditActor } from '../../core/audit/audit-entry'
import type { ChunkRange } from '../../core/verval/batch-status'

export interface VervalState {
  batchId: string
  chunks?: ChunkRange[]
  waitSeconds?: number
  next?: 'VALIDATE' | 'APPROVAL' | 'AWAIT' | 'DECIDED' | 'APPLY' | 'END'
}

export const SYSTEM_ACTOR: AuditActor = { id: 'tksk-flow', role: 'system' }

export const correlationOf = (batchId: string): string => `verval-workflow:${batchId}`

export const end = (state: VervalState): VervalState => ({ batchId: state.batchId, next: 'END' })
