/**
 * Makes a function of the access table (infra/stacks/function-access.ts) the same way
 * wherever the stateless stack or one of its constructs needs one: the variables every
 * function shares, plus the names and ARNs of what its entry lets it touch, and the
 * entry's grants on its role.
 */
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { Construct } from 'constructs'
import { type FunctionAccess, workflowsUsedBy } from '../stacks/function-access'
import { reservedConcurrencyOf } from '../stacks/function-concurrency'
import { type GrantTargets, grantAccess } from './access-grants'
import { pascalCase } from './construct-ids'
import { type FunctionKind, TkskFunction } from './tksk-function'

/** Same rule as functions/shared/env.ts `stateMachineArn()`. */
export const stateMachineArnVariable = (workflow: string): string =>
  `${workflow.toUpperCase()}_STATE_MACHINE_ARN`

export type MakeFunction = (name: string, kind: FunctionKind, entry: string) => TkskFunction

export interface FunctionFactoryProps {
  /** Variables every function shares (stage, table names, public base URL…). */
  sharedEnvironment: Readonly<Record<string, string>>
  access: Readonly<Record<string, FunctionAccess>>
  /**
   * What the grants name; its state machines are read when each function is made, so a
   * function gets the ARNs of the workflows made before it.
   */
  targets: GrantTargets
  vervalUploadBucket: IBucket
  /** Reserved concurrency per function (function-concurrency.ts). */
  reserveConcurrency: boolean
}

/** Functions are made in `scope`, named `<PascalName>Function`. */
export const functionFactory = (scope: Construct, props: FunctionFactoryProps): MakeFunction => {
  const { targets } = props
  return (name, kind, entry) => {
    const needs = props.access[name] ?? {}
    const environment: Record<string, string> = {
      ...props.sharedEnvironment,
      POWERTOOLS_SERVICE_NAME: `tksk-${name}`,
    }
    for (const workflow of workflowsUsedBy(needs)) {
      const stateMachine = targets.stateMachines.get(workflow)
      if (stateMachine) environment[stateMachineArnVariable(workflow)] = stateMachine.stateMachineArn
    }
    if (needs.anchors) environment.ANCHOR_BUCKET_NAME = targets.anchorBucket.bucketName
    if (needs.vervalUploads) environment.VERVAL_UPLOAD_BUCKET = props.vervalUploadBucket.bucketName
    if (needs.nikPepper) environment.NIK_PEPPER_SECRET_ARN = targets.nikPepper.secret.secretArn
    const fn = new TkskFunction(scope, `${pascalCase(name)}Function`, {
      entry,
      kind,
      description: `tksk-flow ${kind} ${name}`,
      environment,
      assets: needs.assets,
      reservedConcurrency: props.reserveConcurrency ? reservedConcurrencyOf(name) : undefined,
    })
    grantAccess(fn.role, needs, targets)
    return fn
  }
}
