/**
 * The state machines of the system, as data: which ASL file, and which Lambda runs its
 * steps. The ASL files call their steps Lambda as `"FunctionName": "${StepsFunctionArn}"`;
 * the CDK stack fills that in with `definitionSubstitutions`, the local Step Functions
 * service with the local function ARN. Nothing else about a workflow lives outside its
 * ASL file.
 */
import { fileURLToPath } from 'node:url'

export interface WorkflowDefinition {
  /** Short name: state machine `tksk-<name>`, env `<NAME>_STATE_MACHINE_ARN`. */
  name: string
  /** Absolute path of the ASL file. */
  aslPath: string
  /** Entry of the Lambda that runs every step of the workflow. */
  stepsEntry: string
  /**
   * The workflow's first step marks its record started (the case's Identify), so the
   * local Step Functions service may answer its start before journaling it (ADR 0042).
   */
  firstStepMarksStart?: true
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))

export const STEPS_FUNCTION_SUBSTITUTION = 'StepsFunctionArn'

export const workflows: readonly WorkflowDefinition[] = [
  {
    name: 'case',
    aslPath: here('./case.asl.json'),
    stepsEntry: here('../functions/steps/case/handler.ts'),
    firstStepMarksStart: true,
  },
  // Complaints, proposals and objections (ADR 0036): their own short ASL, the case steps' code.
  {
    name: 'bansos',
    aslPath: here('./bansos.asl.json'),
    stepsEntry: here('../functions/steps/case/handler.ts'),
    firstStepMarksStart: true,
  },
  {
    name: 'verval',
    aslPath: here('./verval.asl.json'),
    stepsEntry: here('../functions/steps/verval/handler.ts'),
  },
  {
    name: 'laporan',
    aslPath: here('./laporan.asl.json'),
    stepsEntry: here('../functions/steps/laporan/handler.ts'),
  },
]

export { here as workflowPath }
