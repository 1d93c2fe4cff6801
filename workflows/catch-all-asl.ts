/**
 * The catch-all of a workflow (issue 17, ADR 0025, 0040), added to every top-level Task
 * and Map state by the ASL builders (a Map is retried whole: its chunks are idempotent). A step that still fails after its Retry goes to `Attention<State>`
 * (a Pass naming the failed state and keeping its input), `MarkAttention` marks the case
 * or batch NEEDS_ATTENTION (audited, one transaction), and `AwaitRetry` ends the execution
 * FAILED at itself. "Coba lagi" redrives the execution: Step Functions runs `AwaitRetry`
 * again, which now lets it through, and `Resume` routes back to the failed state with the
 * input it had. One halt state for all, so a redrive always restarts at the same place.
 */
export const CATCH_ALL_STATES = ['MarkAttention', 'AwaitRetry', 'Resume'] as const

type State = Record<string, unknown> & { Type: string }

export const attentionStateOf = (failedState: string): string => `Attention${failedState}`

/** The states a failure is caught on: what a retry can resume at. */
const isCaught = (state: State | undefined): boolean => state?.Type === 'Task' || state?.Type === 'Map'

/**
 * `states` with a `States.ALL` Catch on every Task and Map (after its own catchers) and the
 * catch-all states. `step` builds a Task invoking the workflow's steps Lambda.
 */
export const withCatchAll = (
  states: Record<string, State>,
  step: (payload: Record<string, string>) => State,
  retry: readonly object[],
): Record<string, State> => {
  const tasks = Object.keys(states).filter((name) => isCaught(states[name]))
  const caught = Object.fromEntries(
    Object.entries(states).map(([name, state]) =>
      isCaught(state)
        ? [
            name,
            {
              ...state,
              Catch: [
                ...((state.Catch as object[] | undefined) ?? []),
                { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: attentionStateOf(name) },
              ],
            },
          ]
        : [name, state],
    ),
  )
  const attention = Object.fromEntries(
    tasks.map((name) => [
      attentionStateOf(name),
      {
        Type: 'Pass',
        Comment: `${name} failed after its retries`,
        Parameters: { failedState: name, 'input.$': '$' },
        Next: 'MarkAttention',
      },
    ]),
  )
  return {
    ...caught,
    ...attention,
    MarkAttention: {
      ...step({
        step: 'markAttention',
        'input.$': '$',
        'executionArn.$': '$$.Execution.Id',
        'redriveCount.$': '$$.Execution.RedriveCount',
      }),
      Comment: 'NEEDS_ATTENTION with the failed state and the error, audited',
      ResultPath: null,
      Retry: retry,
      Next: 'AwaitRetry',
    },
    AwaitRetry: {
      ...step({ step: 'awaitRetry', 'input.$': '$', 'redriveCount.$': '$$.Execution.RedriveCount' }),
      Comment: 'Halts the execution (FAILED here) until a redrive; then hands back the failed state input',
      OutputPath: '$.Payload',
      Retry: [{ ErrorEquals: ['NeedsAttention'], MaxAttempts: 0 }, ...retry],
      Next: 'Resume',
    },
    Resume: {
      Type: 'Choice',
      Comment: 'Back to the state that failed, with its input',
      Choices: tasks.map((name) => ({ Variable: '$.failedState', StringEquals: name, Next: name })),
      OutputPath: '$.input',
    },
  }
}
