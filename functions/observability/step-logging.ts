/**
 * The log context of a workflow step (ADR 0024): the Lambda context (cold start, request
 * id) through Powertools' middy middleware, and from the step's payload the step, the
 * execution's name, the case or batch, and the correlation id of the request that started
 * the execution (the ASL passes `execution: {name, input}` to every step). Only ids: a
 * step's log lines never carry the person the case is about.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import type { Context } from 'aws-lambda'
import * as z from 'zod'
import { logger } from '../shared/logger'

const ids = z.looseObject({
  caseId: z.string().optional(),
  batchId: z.string().optional(),
  taskId: z.string().optional(),
  correlationId: z.string().optional(),
})
const stepPayload = z.looseObject({
  step: z.string().optional(),
  taskId: z.string().optional(),
  batchId: z.string().optional(),
  input: ids.optional(),
  execution: z.looseObject({ name: z.string().optional(), input: ids.optional() }).optional(),
})

export interface StepLogKeys {
  step?: string
  executionName?: string
  correlationId?: string
  caseId?: string
  batchId?: string
  taskId?: string
}

const defined = (keys: StepLogKeys): StepLogKeys =>
  Object.fromEntries(Object.entries(keys).filter(([, value]) => value !== undefined))

/** The keys every log line of this step carries; a payload of another shape yields none (the handler refuses it). */
export const stepLogKeys = (payload: unknown): StepLogKeys => {
  const parsed = stepPayload.safeParse(payload)
  if (!parsed.success) return {}
  const { step, input, execution } = parsed.data
  const started = execution?.input
  return defined({
    step,
    executionName: execution?.name,
    correlationId: started?.correlationId,
    caseId: input?.caseId ?? started?.caseId,
    batchId: input?.batchId ?? parsed.data.batchId ?? started?.batchId,
    taskId: input?.taskId ?? parsed.data.taskId,
  })
}

/** Wraps a steps Lambda: its log lines carry the keys above; the end of each step (or its failure) is logged. */
export const withStepLogging = <Result>(handler: (payload: unknown) => Promise<Result>) => {
  const wrapped = middy<unknown, Result, Error, Context>(handler)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({
      before: (request) => {
        logger.appendKeys({ ...stepLogKeys(request.event) })
      },
      after: () => {
        logger.info('step finished')
      },
      onError: (request) => {
        // The error only (name, message, stack): the payload stays out of the logs.
        logger.error('step failed', { error: request.error ?? undefined })
      },
    })
  // A step called directly (a test replaying one) has no Lambda context; middy's own default is `{}` too.
  return (payload: unknown, context: Context = {} as Context): Promise<Result> => wrapped(payload, context)
}
