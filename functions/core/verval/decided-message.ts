/**
 * Who decided a verval batch and what its approval link and the staff API answer once it
 * is decided: told like a case task's (`core/links/decided-message.ts`), by the decider's
 * name and the local time of the batch's kecamatan (not a user id and a UTC ISO time).
 */
import { decidedMessage } from '../links/decided-message'
import { batchDecider, type DecidedBatch } from './batch-record'

export const batchDecidedMessage = (batch: DecidedBatch): string | undefined =>
  batch.decision && decidedMessage('Verval ini', batchDecider(batch), batch.decision.at, batch.kecamatan)
