/**
 * The workflows of `workflows/workflows.ts` as the local Step Functions service runs
 * them: each ASL file with `${StepsFunctionArn}` bound to a local ARN whose "Lambda" is
 * the steps handler loaded in process.
 */
import { type WorkflowDefinition, workflowPath } from '../../workflows/workflows'
import { stepsFunctionName } from '../stacks/function-access'
import { lambdaContext } from './gateway/lambda-context'
import { runAsFunction } from './iam/function-context'
import { type AwsLimits, awsLimits, withinTimeout } from './limits/aws-limits'
import type { LocalLambda, LocalStepFunctions } from './stepfunctions/service'
import { localFunctionArn, localStepsFunctionName, workflowStateMachine } from './workflow-state-machines'

type StepsModule = {
  handler: (payload: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>
}

/**
 * The system's steps modules imported by literal paths, so that `npm start`'s prebuilt
 * bundle contains them (a computed `import()` would look for a .ts file Node cannot load;
 * ADR 0041). Keyed by the `stepsEntry` of `workflows/workflows.ts`, which a unit test holds
 * to this table; any other entry (tests' crashing steps) is imported by its path.
 */
export const stepsModules: Readonly<Record<string, () => Promise<StepsModule>>> = {
  [workflowPath('../functions/steps/case/handler.ts')]: () => import('../../functions/steps/case/handler'),
  [workflowPath('../functions/steps/verval/handler.ts')]: () =>
    import('../../functions/steps/verval/handler'),
  [workflowPath('../functions/steps/laporan/handler.ts')]: () =>
    import('../../functions/steps/laporan/handler'),
}

const importSteps = (entry: string): Promise<StepsModule> =>
  stepsModules[entry]?.() ?? (import(entry) as Promise<StepsModule>)

/** Each steps function bounded by its configured timeout (a step past it fails as `Sandbox.Timedout`). */
export const stepLambdas = (
  workflows: readonly WorkflowDefinition[],
  limits: AwsLimits = awsLimits,
): Record<string, LocalLambda> =>
  Object.fromEntries(
    workflows.map((workflow) => {
      const name = localStepsFunctionName(workflow)
      const lambda: LocalLambda = async (payload) => {
        const { handler } = await importSteps(workflow.stepsEntry)
        const timeoutMs = limits.functionTimeoutMs.steps
        return runAsFunction(stepsFunctionName(workflow.name), () =>
          withinTimeout(handler(payload, lambdaContext(name, timeoutMs)), timeoutMs),
        )
      }
      return [localFunctionArn(name), lambda]
    }),
  )

/** `TKSK_SFN_ANSWER_BEFORE_JOURNAL=0` journals every start before its answer, so the bench can compare both ways. */
const answerBeforeJournal = process.env.TKSK_SFN_ANSWER_BEFORE_JOURNAL !== '0'

/** Registers each workflow and exports its ARN as `<NAME>_STATE_MACHINE_ARN` for the handlers. */
export const registerWorkflows = (
  service: LocalStepFunctions,
  workflows: readonly WorkflowDefinition[],
): void => {
  for (const workflow of workflows) {
    const arn = service.registerStateMachine({
      ...workflowStateMachine(workflow),
      answersBeforeJournal: answerBeforeJournal && workflow.firstStepMarksStart === true,
    })
    process.env[`${workflow.name.toUpperCase()}_STATE_MACHINE_ARN`] = arn
  }
}
