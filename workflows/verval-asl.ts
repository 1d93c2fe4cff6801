/**
 * The builder of `verval.asl.json` (issue 17, ADR 0040), as `case-asl.ts` builds the case
 * workflow: test/unit/workflows/verval-asl.test.ts keeps the JSON equal to what this
 * builds. Validation and apply run as Maps over chunk ranges (ADR 0004); a step, or a
 * Map, that still fails after its retries goes to the catch-all of ADR 0025: the batch
 * NEEDS_ATTENTION, retried by Dinsos from the failed state.
 *
 * After a change: `npx tsx workflows/verval-asl.ts && npx prettier --write workflows/verval.asl.json`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { VervalNext } from '../functions/steps/verval/verval-state'
import { withCatchAll } from './catch-all-asl'
import { EXECUTION, invoke, RETRY, step, STEPS_FUNCTION } from './lambda-task-asl'

/** Routes `$.next`; anything else (END) ends the workflow. */
const choice = (routes: Partial<Record<VervalNext, string>>) => ({
  Type: 'Choice',
  Choices: Object.entries(routes).map(([value, next]) => ({
    Variable: '$.next',
    StringEquals: value,
    Next: next,
  })),
  Default: 'Done',
})

/** One Map over the chunk ranges, `stepName` once per chunk (never one iteration per row). */
const chunkMap = (comment: string, state: string, stepName: string, resultPath: string, next: string) => ({
  Type: 'Map',
  Comment: comment,
  ItemsPath: '$.chunks',
  MaxConcurrency: 2,
  ItemSelector: {
    'batchId.$': '$.batchId',
    'from.$': '$$.Map.Item.Value.from',
    'to.$': '$$.Map.Item.Value.to',
  },
  ItemProcessor: {
    ProcessorConfig: { Mode: 'INLINE' },
    StartAt: state,
    States: {
      [state]: {
        ...invoke({ step: stepName, 'input.$': '$' }),
        Comment: 'One chunk of rows',
        OutputPath: '$.Payload',
        Retry: RETRY,
        End: true,
      },
    },
  },
  ResultPath: resultPath,
  Next: next,
})

export const buildVervalAsl = () => ({
  Comment:
    'Verval workflow (DESIGN §3): validate in chunks, approval by Dinsos with reminders and escalation, apply to the KPM registry in idempotent chunks.',
  StartAt: 'Prepare',
  TimeoutSeconds: 60 * 86_400,
  States: withCatchAll(
    {
      Prepare: step('Chunk ranges of the batch', { step: 'prepare', 'input.$': '$' }, 'AfterPrepare'),
      AfterPrepare: choice({ VALIDATE: 'ValidateChunks' }),
      ValidateChunks: chunkMap(
        'Row rules over chunk ranges (never one iteration per row)',
        'ValidateChunk',
        'validateChunk',
        '$.validated',
        'FinishValidation',
      ),
      FinishValidation: step(
        'INVALID with the report, or AWAITING_APPROVAL with the summary',
        { step: 'finishValidation', 'input.$': '$' },
        'AfterValidation',
      ),
      AfterValidation: choice({ APPROVAL: 'OpenApproval' }),
      OpenApproval: step(
        'Mail the Dinsos approver a link with the summary',
        { step: 'openApproval', 'input.$': '$' },
        'AfterOpenApproval',
      ),
      AfterOpenApproval: choice({ AWAIT: 'AwaitApproval', DECIDED: 'AfterDecision' }),
      AwaitApproval: {
        Type: 'Task',
        Comment: 'Wait for the decision until the next milestone',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: {
          FunctionName: STEPS_FUNCTION,
          Payload: {
            step: 'waitApproval',
            'batchId.$': '$.batchId',
            'token.$': '$$.Task.Token',
            execution: EXECUTION,
          },
        },
        TimeoutSecondsPath: '$.waitSeconds',
        ResultPath: null,
        Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 }, ...RETRY],
        Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'ApprovalTimer' }],
        Next: 'AfterDecision',
      },
      ApprovalTimer: step(
        'Reminder, escalation to dinsos_head, final deadline',
        { step: 'approvalTimer', 'input.$': '$' },
        'AfterApprovalTimer',
      ),
      AfterApprovalTimer: choice({ AWAIT: 'AwaitApproval', DECIDED: 'AfterDecision' }),
      AfterDecision: step(
        'Approved: apply; rejected: tell the TKSK',
        { step: 'afterDecision', 'input.$': '$' },
        'AfterDecisionChoice',
      ),
      AfterDecisionChoice: choice({ APPLY: 'ApplyChunks' }),
      ApplyChunks: chunkMap(
        'Apply to the KPM registry in idempotent chunks',
        'ApplyChunk',
        'applyChunk',
        '$.applied',
        'FinishApply',
      ),
      FinishApply: step('APPLIED; moves told to both TKSK', { step: 'finishApply', 'input.$': '$' }, 'Done'),
      Done: { Type: 'Succeed' },
    },
    invoke,
    RETRY,
  ),
})

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(
    new URL('./verval.asl.json', import.meta.url),
    `${JSON.stringify(buildVervalAsl(), null, 2)}\n`,
  )
