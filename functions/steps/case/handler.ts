/**
 * The Lambda of every step of `workflows/case.asl.json`, dispatching on `step`. Each
 * step takes the workflow state and returns the next one (OutputPath `$.Payload`),
 * except the wait, whose result Step Functions ignores.
 */
import * as z from 'zod'
import { TASK_KINDS } from '../../core/case/task-kinds'
import { withStepLogging } from '../../observability/step-logging'
import { applyDecision } from './apply-decision'
import type { CaughtState, ResumeState } from '../../flows/attention/catch-all-steps'
import { catchAllPayloads } from '../shared/catch-all-payloads'
import { awaitRetry, markAttention } from './attention'
import type { CaseState } from './case-state'
import { close } from './close'
import { identify } from './identify'
import { identifyBansos } from './identify-bansos'
import { openAdminduk, openTask } from './open-task'
import { recommend } from './recommend'
import { taskTimer } from './task-timer'
import { waitTask } from './wait-task'

const stateSchema = z.looseObject({ caseId: z.string().min(1) })
const payloadSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('identify'), input: stateSchema }),
  z.object({ step: z.literal('identifyBansos'), input: stateSchema }),
  z.object({ step: z.literal('openAdminduk'), input: stateSchema }),
  z.object({ step: z.literal('openTask'), kind: z.enum(TASK_KINDS), input: stateSchema }),
  z.object({ step: z.literal('waitTask'), taskId: z.string().min(1), token: z.string().min(1) }),
  z.object({ step: z.literal('taskTimer'), input: stateSchema }),
  z.object({ step: z.literal('applyDecision'), kind: z.enum(TASK_KINDS), input: stateSchema }),
  z.object({ step: z.literal('recommend'), input: stateSchema }),
  z.object({ step: z.literal('close'), input: stateSchema }),
  ...catchAllPayloads(stateSchema),
])

const run = async (payload: unknown): Promise<CaseState | ResumeState<CaseState> | null> => {
  const request = payloadSchema.parse(payload)
  switch (request.step) {
    case 'identify':
      return identify(request.input as CaseState)
    case 'identifyBansos':
      return identifyBansos(request.input as CaseState)
    case 'openAdminduk':
      return openAdminduk(request.input as CaseState)
    case 'openTask':
      return openTask(request.input as CaseState, request.kind)
    case 'waitTask':
      await waitTask(request)
      return null
    case 'taskTimer':
      return taskTimer(request.input as CaseState)
    case 'applyDecision':
      return applyDecision(request.input as CaseState, request.kind)
    case 'recommend':
      return recommend(request.input as CaseState)
    case 'close':
      return close(request.input as CaseState)
    case 'markAttention':
      await markAttention(request.input as CaughtState<CaseState>, request)
      return null
    case 'awaitRetry':
      return awaitRetry(request.input as CaughtState<CaseState>, request.redriveCount)
  }
}

export const handler = withStepLogging(run)
