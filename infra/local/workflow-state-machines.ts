/**
 * Each workflow of `workflows/workflows.ts` as a local state machine: its ASL text with
 * `${StepsFunctionArn}` bound to the local ARN of its steps function. Kept apart from
 * `step-lambdas.ts` (which loads the steps handlers) so that the test run's global setup
 * can validate the definitions without loading the platform.
 */
import { readFileSync } from 'node:fs'
import { STEPS_FUNCTION_SUBSTITUTION, type WorkflowDefinition } from '../../workflows/workflows'
import { substitute, validateDefinition, type ValidatedDefinitions } from './stepfunctions/definition-check'

export const localStepsFunctionName = (workflow: WorkflowDefinition): string => `tksk-${workflow.name}-steps`
export const localFunctionArn = (functionName: string): string =>
  `arn:aws:lambda:ap-southeast-3:000000000000:function:${functionName}`

/** What `registerStateMachine` takes for a workflow. */
export const workflowStateMachine = (workflow: WorkflowDefinition) => ({
  name: `tksk-${workflow.name}`,
  definition: readFileSync(workflow.aslPath, 'utf8'),
  substitutions: { [STEPS_FUNCTION_SUBSTITUTION]: localFunctionArn(localStepsFunctionName(workflow)) },
})

/**
 * Validates the workflows' definitions as `registerStateMachine` would and records them in
 * `validated`: the test run does it once, and its workers' platforms then skip
 * asl-validator for the same texts. An invalid definition throws here, as at registration.
 */
export const validateWorkflows = (
  workflows: readonly WorkflowDefinition[],
  validated: ValidatedDefinitions,
): void => {
  for (const workflow of workflows) {
    const { definition, substitutions } = workflowStateMachine(workflow)
    validateDefinition(substitute(definition, substitutions), validated)
  }
}
