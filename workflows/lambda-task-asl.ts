/**
 * What every Task of the ASL builders shares (ADR 0017, 0024): the one steps Lambda of a
 * workflow, the execution passed to each step for its log lines, and the Retry of a step.
 */

/** The one Lambda of every step; CDK and the local runner substitute its ARN. */
export const STEPS_FUNCTION = '${StepsFunctionArn}'
/**
 * Which execution a step runs in, for its log lines (ADR 0024): the name (the case's or
 * batch's id) and the input, which carries the correlation id of the request that started
 * it. The whole input, not `.correlationId`: a path that is absent fails the state.
 */
export const EXECUTION = { 'name.$': '$$.Execution.Name', 'input.$': '$$.Execution.Input' }
export const RETRY = [
  { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 },
]

export const invoke = (payload: Record<string, string>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: STEPS_FUNCTION, Payload: { ...payload, execution: EXECUTION } },
})

/** A step that hands its result on as the next state (`OutputPath: $.Payload`). */
export const step = (comment: string, payload: Record<string, string>, next: string) => ({
  ...invoke(payload),
  Comment: comment,
  OutputPath: '$.Payload',
  Retry: RETRY,
  Next: next,
})
