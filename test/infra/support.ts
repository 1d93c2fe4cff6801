/**
 * Builds the CDK app the way infra/app.ts does, with cdk.json's context (feature flags)
 * and without bundling, so the template tests run in seconds and need no handler code.
 */
import { readFileSync } from 'node:fs'
import { App, type CfnElement, Stack } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import type { IConstruct } from 'constructs'
import { beforeAll } from 'vitest'
import { createTkskApp, type TkskAppOptions } from '../../infra/stacks/tksk-app'

const cdkJsonContext = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context

export interface BuildOptions extends TkskAppOptions {
  /** CloudFormation's own template rules at synth (~10 s): one test file runs them. */
  cloudFormationValidation?: boolean
  /** Context values on top of cdk.json's, as `-c key=value` would pass them. */
  context?: Record<string, unknown>
}

export const buildApp = (options: BuildOptions = {}) => {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  })
  const tksk = createTkskApp(app, options)
  return { cdkApp: app, ...tksk }
}

export interface Synthesized {
  built: ReturnType<typeof buildApp>
  app: Template
  data: Template
  edge: Template
}

/**
 * Builds the app once for a test file (in `beforeAll`) and gives it and its stacks'
 * templates; a template is made on first use, so a file reading one stack pays for one.
 */
export const synthesizeOnce = (options: BuildOptions = {}): Synthesized => {
  let built: ReturnType<typeof buildApp> | undefined
  const templates = new Map<'app' | 'data' | 'edge', Template>()
  beforeAll(() => {
    built = buildApp(options)
  })
  const builtApp = () => defined(built, 'the app (built in beforeAll)')
  const template = (stack: 'app' | 'data' | 'edge') => {
    const made = templates.get(stack) ?? Template.fromStack(builtApp()[stack])
    templates.set(stack, made)
    return made
  }
  return {
    get built() {
      return builtApp()
    },
    get app() {
      return template('app')
    },
    get data() {
      return template('data')
    },
    get edge() {
      return template('edge')
    },
  }
}

/**
 * A Cognito user-pool trigger: the pool calls the function at `trigger`, the function
 * answers within Cognito's 5 s, and Cognito may invoke it.
 */
export const expectCognitoTrigger = (
  template: Template,
  trigger: string,
  functionLogicalId: string,
  description: string,
): void => {
  template.hasResourceProperties('AWS::Cognito::UserPool', {
    LambdaConfig: { [trigger]: { 'Fn::GetAtt': [functionLogicalId, 'Arn'] } },
  })
  template.hasResourceProperties('AWS::Lambda::Function', {
    Description: description,
    Timeout: 5,
    Handler: 'index.handler',
  })
  template.hasResourceProperties('AWS::Lambda::Permission', {
    Action: 'lambda:InvokeFunction',
    Principal: 'cognito-idp.amazonaws.com',
    FunctionName: { 'Fn::GetAtt': [functionLogicalId, 'Arn'] },
  })
}

export interface Statement {
  Effect: string
  Action: string | string[]
  Resource: unknown
  Condition?: Record<string, unknown>
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value])

/** Logical id of an L2 construct's CloudFormation resource. */
export const logicalIdOf = (construct: IConstruct): string =>
  Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement)

/** Allow statements of the policies attached to one role. */
export const statementsOfRole = (template: Template, roleLogicalId: string): Statement[] => {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as {
    Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } }
  }[]
  return policies
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleLogicalId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
    .filter((statement) => statement.Effect === 'Allow')
}

/** Every Allow statement of every IAM policy in a template (attached and inline). */
export const allStatements = (template: Template): Statement[] => {
  const documents = [
    ...Object.values(template.findResources('AWS::IAM::Policy')).map((r) => r.Properties.PolicyDocument),
    ...Object.values(template.findResources('AWS::IAM::ManagedPolicy')).map(
      (r) => r.Properties.PolicyDocument,
    ),
    ...Object.values(template.findResources('AWS::IAM::Role')).flatMap((r) =>
      (r.Properties.Policies ?? []).map((p: { PolicyDocument: unknown }) => p.PolicyDocument),
    ),
  ] as { Statement: Statement[] }[]
  return documents
    .flatMap((document) => document.Statement)
    .filter((statement) => statement.Effect === 'Allow')
}

/** A value the test needs; fails with a message instead of a TypeError when it is missing. */
export const defined = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`missing: ${what}`)
  return value
}
