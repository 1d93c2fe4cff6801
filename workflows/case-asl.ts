/**
 * The builder of `case.asl.json` (issue 14, ADR 0017). The JSON stays the artefact that
 * CDK and the local runner load; test/unit/workflows/case-asl.test.ts keeps it equal to
 * what this builds. Each human task is the same seven states (open, wait on a task token,
 * timer, apply, and the Choice after three of them), so a task's block is written once
 * and the `next` values are the steps' own `CaseNext` type: a typo fails to compile.
 *
 * After a change: `npx tsx workflows/case-asl.ts && npx prettier --write workflows/case.asl.json`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { TaskKind } from '../functions/core/case/task-kinds'
import type { CaseNext } from '../functions/steps/case/case-state'
import { withCatchAll } from './catch-all-asl'
import { EXECUTION, invoke, RETRY, step, STEPS_FUNCTION } from './lambda-task-asl'

/** Routes `$.next`; anything else (CLOSE, or a value no step should return) closes the case. */
export const choice = (routes: Partial<Record<CaseNext, string>>) => ({
  Type: 'Choice',
  Choices: Object.entries(routes).map(([value, next]) => ({
    Variable: '$.next',
    StringEquals: value,
    Next: next,
  })),
  Default: 'Close',
})

/** The seven states of one human task; `afterApply` is where its decision leads besides waiting again. */
export const humanTask = (kind: TaskKind, name: string, afterApply: Partial<Record<CaseNext, string>>) => ({
  [`Open${name}`]: step(
    `Open the ${kind} task and mail its links`,
    { step: 'openTask', kind, 'input.$': '$' },
    `AfterOpen${name}`,
  ),
  [`AfterOpen${name}`]: choice({ AWAIT: `Await${name}` }),
  [`Await${name}`]: {
    Type: 'Task',
    Comment: `Wait for the ${kind} decision until the next milestone`,
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: STEPS_FUNCTION,
      Payload: { step: 'waitTask', 'taskId.$': '$.taskId', 'token.$': '$$.Task.Token', execution: EXECUTION },
    },
    TimeoutSecondsPath: '$.waitSeconds',
    ResultPath: null,
    Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 0 }, ...RETRY],
    Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: `Timer${name}` }],
    Next: `Apply${name}`,
  },
  [`Timer${name}`]: step(
    `Reminders, escalation and final deadline of ${kind}`,
    { step: 'taskTimer', 'input.$': '$' },
    `AfterTimer${name}`,
  ),
  [`AfterTimer${name}`]: choice({ AWAIT: `Await${name}`, APPLY: `Apply${name}` }),
  [`Apply${name}`]: step(
    `Apply the ${kind} decision`,
    { step: 'applyDecision', kind, 'input.$': '$' },
    `AfterApply${name}`,
  ),
  [`AfterApply${name}`]: choice({ AWAIT: `Await${name}`, ...afterApply }),
})

export const buildCaseAsl = () => ({
  Comment:
    'Case workflow (DESIGN §3): identification, assessment, recommendation, approval, referral, closing; after a result closes the case, the offer of another service, which runs recommendation to closing again. Human steps wait on task tokens until their next milestone; the steps Lambda decides reminders, escalations and deadlines.',
  StartAt: 'Identify',
  TimeoutSeconds: 200 * 86_400,
  States: withCatchAll(
    {
      Identify: step(
        'Revalidate, dedup, assign the TKSK',
        { step: 'identify', 'input.$': '$' },
        'AfterIdentify',
      ),
      AfterIdentify: choice({ ASSESS: 'OpenAssessment', ADMINDUK: 'OpenAdminduk' }),
      // A person without NIK: "Rujukan adminduk" opens beside the assessment, not awaited (ADR 0027).
      OpenAdminduk: step(
        'Open the ADMINDUK_REFERRAL task beside the assessment',
        { step: 'openAdminduk', 'input.$': '$' },
        'AfterOpenAdminduk',
      ),
      AfterOpenAdminduk: choice({ ASSESS: 'OpenAssessment' }),
      ...humanTask('ASSESSMENT', 'Assessment', { RECOMMEND: 'Recommend' }),
      ...humanTask('APPROVAL', 'Approval', { REVISE: 'OpenAssessment', REFER: 'OpenReferralResponse' }),
      // No active provider of the directory serves the case: Dinsos chooses one ("Pilih penyedia", ADR 0016).
      ...humanTask('PROVIDER_CHOICE', 'ProviderChoice', { APPROVAL: 'OpenApproval' }),
      ...humanTask('REFERRAL_RESPONSE', 'ReferralResponse', {
        RESULT: 'OpenReferralResult',
        REREFER_TASK: 'OpenRereferral',
      }),
      ...humanTask('REREFERRAL', 'Rereferral', { REFER: 'OpenReferralResponse' }),
      ...humanTask('REFERRAL_RESULT', 'ReferralResult', {}),
      // After Close of a result: the TKSK's offer of another service, which reopens the case (ADR 0037).
      ...humanTask('FOLLOW_UP', 'FollowUp', { RECOMMEND: 'Recommend' }),
      Recommend: step('Draft the recommendation', { step: 'recommend', 'input.$': '$' }, 'AfterRecommend'),
      AfterRecommend: choice({ APPROVAL: 'OpenApproval', CHOOSE_PROVIDER: 'OpenProviderChoice' }),
      Close: step(
        'Outcome, marker release, resident notice',
        { step: 'close', 'input.$': '$' },
        'AfterClose',
      ),
      // A result's Close offers another service (ADR 0037); every other closing is the end.
      AfterClose: { ...choice({ FOLLOW_UP: 'OpenFollowUp' }), Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
    invoke,
    RETRY,
  ),
})

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(new URL('./case.asl.json', import.meta.url), `${JSON.stringify(buildCaseAsl(), null, 2)}\n`)
