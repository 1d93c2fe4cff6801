/**
 * The Lambda of every step of `workflows/verval.asl.json`, dispatching on `step`. Each
 * step takes the workflow state and returns the next one (OutputPath `$.Payload`),
 * except the Map iterations (their chunk's result) and the wait.
 */
import * as z from 'zod'
import { withStepLogging } from '../../observability/step-logging'
import { afterDecision } from './after-decision'
import { applyChunk } from './apply-chunk'
import type { CaughtState } from '../../flows/attention/catch-all-steps'
import { catchAllPayloads } from '../shared/catch-all-payloads'
import { awaitRetry, markAttention } from './attention'
import { approvalTimer } from './approval-timer'
import { finishApply } from './finish-apply'
import { finishValidation } from './finish-validation'
import { markFailed, type CaughtError } from './mark-failed'
import { openApproval } from './open-approval'
import { prepare } from './prepare'
import { validateChunk, type ChunkValidation } from './validate-chunk'
import { waitApproval } from './wait-approval'
import type { VervalState } from './verval-state'

const state = z.looseObject({ batchId: z.string().min(1) })
const chunk = z.object({
  batchId: z.string().min(1),
  from: z.number().int().min(1),
  to: z.number().int().min(1),
})
const payloadSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('prepare'), input: state }),
  z.object({ step: z.literal('validateChunk'), input: chunk }),
  z.object({
    step: z.literal('finishValidation'),
    input: state.extend({ validated: z.array(z.looseObject({})) }),
  }),
  z.object({ step: z.literal('openApproval'), input: state }),
  z.object({ step: z.literal('waitApproval'), batchId: z.string().min(1), token: z.string().min(1) }),
  z.object({ step: z.literal('approvalTimer'), input: state }),
  z.object({ step: z.literal('afterDecision'), input: state }),
  z.object({ step: z.literal('applyChunk'), input: chunk }),
  z.object({ step: z.literal('finishApply'), input: state }),
  ...catchAllPayloads(state),
  // The catch-all before ADR 0040: executions started under that definition still end there.
  z.object({
    step: z.literal('markFailed'),
    input: state.extend({
      error: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }),
    }),
  }),
])

const run = async (payload: unknown): Promise<unknown> => {
  const request = payloadSchema.parse(payload)
  switch (request.step) {
    case 'prepare':
      return prepare(request.input as VervalState)
    case 'validateChunk':
      return validateChunk(request.input)
    case 'finishValidation':
      return finishValidation(request.input as unknown as VervalState & { validated: ChunkValidation[] })
    case 'openApproval':
      return openApproval(request.input as VervalState)
    case 'waitApproval':
      await waitApproval(request)
      return null
    case 'approvalTimer':
      return approvalTimer(request.input as VervalState)
    case 'afterDecision':
      return afterDecision(request.input as VervalState)
    case 'applyChunk':
      return applyChunk(request.input)
    case 'finishApply':
      return finishApply(request.input as VervalState)
    case 'markAttention':
      await markAttention(request.input as CaughtState<VervalState>, request)
      return null
    case 'awaitRetry':
      return awaitRetry(request.input as CaughtState<VervalState>, request.redriveCount)
    case 'markFailed':
      return markFailed(request.input as VervalState & { error: CaughtError })
  }
}

export const handler = withStepLogging(run)
