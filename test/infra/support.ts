/**
 * Builds the CDK app the way infra/app.ts does, with cdk.json's context (feature flags)
 * and without bundling, so the template tests run in seconds and need no handler code.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, type CfnElement, Stack } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import type { IConstruct } from 'constructs'
import { beforeAll, inject } from 'vitest'
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
    // Under the run's directory (removed when the run ends): left to CDK, each synth wrote
    // ~2 MB into a temporary directory of its own that nothing removed.
    outdir: mkdtempSync(join(inject('bundlesDir'), 'cdk-out-')),
    context: { ...cdkJsonContext(), ...options.context, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  })
  const tksk = createTkskApp(app, options)
  return { cdkApp: app, ...tksk }
}

/** A stable name for an object within this worker: options holding the same workflows and access table share one app. */
const objectIds = new WeakMap<object, number>()
let lastObjectId = 0
const idOf = (value: object): number => {
  const known = objectIds.get(value)
  if (known !== undefined) return known
  lastObjectId += 1
  objectIds.set(value, lastObjectId)
  return lastObjectId
}

const NAMED_OPTIONS = new Set(['workflows', 'access', 'context', 'cloudFormationValidation'])

/** Equal for options that build the same app; none for options it cannot name. */
const keyOf = (options: BuildOptions): string | undefined =>
  Object.keys(options).every((name) => NAMED_OPTIONS.has(name))
    ? JSON.stringify([
        options.workflows?.map(idOf) ?? null,
        options.access ? idOf(options.access) : null,
        options.context ?? null,
        options.cloudFormationValidation ?? false,
      ])
    : undefined

const workerApps = new Map<string, ReturnType<typeof buildApp>>()

/**
 * The app for these options, built once per worker: the infra files share their modules
 * (vitest.config.ts), and building and synthesizing the app (seconds each) was most of
 * each file's time. Tests only read the app and its templates, so the files asking for
 * the same options read the same one.
 */
export const sharedApp = (options: BuildOptions = {}): ReturnType<typeof buildApp> => {
  const key = keyOf(options)
  const known = key === undefined ? undefined : workerApps.get(key)
  if (known) return known
  const built = buildApp(options)
  if (key !== undefined) workerApps.set(key, built)
  return built
}

const templates = new WeakMap<Stack, Template>()

/** The template of a stack, made once per worker (a stack of a shared app is never changed after its build). */
export const templateOf = (stack: Stack): Template => {
  const known = templates.get(stack)
  if (known) return known
  const made = Template.fromStack(stack)
  templates.set(stack, made)
  return made
}

export interface Synthesized {
  built: ReturnType<typeof buildApp>
  app: Template
  data: Template
  edge: Template
  edgeLogs: Template
}

/**
 * Builds the app once for a test file (in `beforeAll`) and gives it and its stacks'
 * templates; a template is made on first use, so a file reading one stack pays for one.
 */
export const synthesizeOnce = (options: BuildOptions = {}): Synthesized => {
  let built: ReturnType<typeof buildApp> | undefined
  beforeAll(() => {
    built = sharedApp(options)
  })
  const builtApp = () => defined(built, 'the app (built in beforeAll)')
  const template = (stack: 'app' | 'data' | 'edge' | 'edgeLogs') => templateOf(builtApp()[stack])
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
    get edgeLogs() {
      return template('edgeLogs')
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
