/**
 * A Standard state machine from its ASL file, unchanged: the file stays the single
 * source, shared with the local Step Functions service, and only the steps Lambda's ARN
 * is filled in (`definitionSubstitutions`). Its role may invoke that one function.
 */
import { readFileSync } from 'node:fs'
import { Validations } from 'aws-cdk-lib'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup } from 'aws-cdk-lib/aws-logs'
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions'
import { Construct, type IConstruct } from 'constructs'
import { STEPS_FUNCTION_SUBSTITUTION, type WorkflowDefinition } from '../../workflows/workflows'
import { stageOf } from './stage'

export interface WorkflowStateMachineProps {
  workflow: WorkflowDefinition
  steps: IFunction
}

/** `tksk-case` in prod, `tksk-dev-case` in dev: the ARN the grants name before the machine exists. */
export const stateMachineName = (scope: IConstruct, workflow: string): string =>
  `${stageOf(scope).shortPrefix}-${workflow}`

export class WorkflowStateMachine extends Construct {
  readonly stateMachine: StateMachine

  constructor(scope: Construct, id: string, { workflow, steps }: WorkflowStateMachineProps) {
    super(scope, id)
    // No fixed name (ADR 0024): a retained log group of a destroyed stack would block the
    // next deploy of the same name. The account's log resource policy grows by one entry
    // per machine outside /aws/vendedlogs/, which two machines per stage stay far from.
    const logGroup = new LogGroup(this, 'Logs', {
      retention: stageOf(this).logRetention,
      removalPolicy: stageOf(this).removalPolicy,
    })
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: stateMachineName(this, workflow.name),
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(readFileSync(workflow.aslPath, 'utf8')),
      definitionSubstitutions: { [STEPS_FUNCTION_SUBSTITUTION]: steps.functionArn },
      // Every state transition, but not the payloads: step inputs and outputs may carry
      // PII that the logs must not (DESIGN §5); the execution history keeps them 90 days.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      // X-Ray off (ADR 0024): the execution history and the steps' log lines trace an execution.
      tracingEnabled: false,
    })
    // The unqualified ARN only (the ASL calls it so): no `:*` version wildcard.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [steps.functionArn] }),
    )
    Validations.of(this.stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Log delivery (logs:*LogDelivery, PutResourcePolicy, Describe*) supports no resource-level permissions.',
    })
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF2',
      reason:
        "X-Ray off on purpose (ADR 0024): the execution history and the steps' log lines (execution name, " +
        "case or batch, correlation id) trace an execution without X-Ray's per-trace cost.",
    })
  }
}
