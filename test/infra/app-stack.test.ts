import { readFileSync } from 'node:fs'
import { Match, type Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultRouteResource, deployedRoutes, routeKey, routes } from '../../functions/http/routes'
import { demoWorkflow } from './fixtures/workflows'
import { type buildApp, defined, logicalIdOf, sharedApp, statementsOfRole, templateOf } from './support'

let built: ReturnType<typeof buildApp>
let template: Template

beforeAll(() => {
  built = sharedApp({ workflows: [demoWorkflow] })
  template = templateOf(built.app)
})

const deployedResources = () =>
  new Set([...deployedRoutes().map((route) => route.resource), defaultRouteResource])
const referenceFunction = () => defined(built.app.httpFunctions.get('reference'), 'reference function')
const demoSteps = () => defined(built.app.stepsFunctions.get('demo'), 'demo steps function')
const functionsOf = () => [
  ...built.app.httpFunctions.values(),
  ...built.app.stepsFunctions.values(),
  built.app.auditAnchoring.fn,
  built.app.mailDelivery.mailer,
  built.app.mailDelivery.mailEvents,
]
const lambdaResource = (fn: ReturnType<typeof functionsOf>[number]) =>
  template.toJSON().Resources[logicalIdOf(fn.function)]

describe('the app stack', () => {
  describe('functions', () => {
    it('has one function per resource with a deployed route, one per workflow and the scheduled jobs', () => {
      expect([...built.app.httpFunctions.keys()].sort()).toEqual([...deployedResources()].sort())
      expect([...built.app.stepsFunctions.keys()]).toEqual([demoWorkflow.name])
      // …and the retention job and the audit anchor job (infra/constructs/retention-job.ts,
      // audit-anchoring.ts), each with a function of its own, and the outbox's mailer and
      // its bounce handler (infra/constructs/mail-delivery.ts), and the pengesahan job
      // (infra/constructs/pengesahan-job.ts).
      template.resourceCountIs('AWS::Lambda::Function', deployedResources().size + 6)
    })

    it('never deploys the local-only dev function', () => {
      expect(routes.some((route) => route.resource === 'dev')).toBe(true)
      expect(built.app.httpFunctions.has('dev')).toBe(false)
    })

    it('runs every function on nodejs22.x, arm64, without X-Ray (ADR 0024), 512 MB and its kind’s timeout', () => {
      for (const fn of functionsOf()) {
        const { Properties } = lambdaResource(fn)
        expect(Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          MemorySize: 512,
          LoggingConfig: { LogGroup: { Ref: logicalIdOf(fn.node.findChild('Logs')) } },
        })
        // No TracingConfig: Lambda's default, PassThrough (no X-Ray segments of its own).
        expect(Properties.TracingConfig).toBeUndefined()
      }
      expect(lambdaResource(referenceFunction()).Properties.Timeout).toBe(29)
      expect(lambdaResource(demoSteps()).Properties.Timeout).toBe(180)
      expect(lambdaResource(built.app.auditAnchoring.fn).Properties.Timeout).toBe(900)
    })

    it('keeps every function’s logs for a year', () => {
      for (const fn of functionsOf()) {
        expect(
          template.toJSON().Resources[logicalIdOf(fn.node.findChild('Logs'))].Properties.RetentionInDays,
        ).toBe(365)
      }
    })

    it('gives every function the environment the code reads', () => {
      for (const fn of functionsOf()) {
        const variables = lambdaResource(fn).Properties.Environment.Variables
        expect(Object.keys(variables)).toEqual(
          expect.arrayContaining([
            'STAGE',
            'MAIN_TABLE_NAME',
            'AUDIT_TABLE_NAME',
            'PUBLIC_BASE_URL',
            'MAIL_FROM',
            'AUTH_MODE',
            'COGNITO_USER_POOL_ID',
            'COGNITO_CLIENT_ID',
            'RATE_LIMIT_PER_MINUTE',
            'POWERTOOLS_SERVICE_NAME',
            'NODE_OPTIONS',
          ]),
        )
        expect(variables).toMatchObject({
          STAGE: 'aws',
          AUTH_MODE: 'cognito',
          NODE_OPTIONS: '--enable-source-maps',
        })
      }
    })

    it('ships the area CSVs with the reference function and tells it where they are', () => {
      const variables = lambdaResource(referenceFunction()).Properties.Environment.Variables
      expect(variables.AREA_DATA_DIR).toBe('/var/task/idn-area-data')
    })

    it('uses no managed policies for functions', () => {
      for (const fn of functionsOf()) {
        expect(template.toJSON().Resources[logicalIdOf(fn.role)].Properties.ManagedPolicyArns).toBeUndefined()
      }
    })
  })

  describe('HTTP API', () => {
    it('routes exactly the deployed routes and $default, never a dev route', () => {
      const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
        (route) => route.Properties.RouteKey,
      )
      expect(routeKeys.sort()).toEqual([...deployedRoutes().map(routeKey), '$default'].sort())
      expect(routeKeys.some((key: string) => key.includes('/api/dev'))).toBe(false)
    })

    it('sends each route to its resource’s function with payload format 2.0, without an authorizer', () => {
      const resources = template.toJSON().Resources
      const integrationTarget = (integrationRef: string) =>
        resources[integrationRef].Properties.IntegrationUri
      for (const route of Object.values(template.findResources('AWS::ApiGatewayV2::Route'))) {
        const key = route.Properties.RouteKey as string
        const resource =
          key === '$default'
            ? defaultRouteResource
            : deployedRoutes().find((r) => routeKey(r) === key)?.resource
        const fn = defined(built.app.httpFunctions.get(defined(resource, key)), `function of ${key}`)
        const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref
        expect(integrationTarget(integrationId)).toEqual({ 'Fn::GetAtt': [logicalIdOf(fn.function), 'Arn'] })
        expect(resources[integrationId].Properties.PayloadFormatVersion).toBe('2.0')
        expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE')
      }
    })

    it('throttles the stage as a backstop and writes access logs', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      })
    })

    it('never logs query strings (link secrets, birth dates)', () => {
      const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]
      expect(stage?.Properties.AccessLogSettings.Format).not.toMatch(
        /querystring|routeKey\.query|\$context\.requestOverride/i,
      )
    })

    it('lets the hosted UI send staff back to the app with a code, and keeps role and area out of users’ reach', () => {
      const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]?.Properties
      expect(client).toMatchObject({
        AllowedOAuthFlows: ['code'],
        GenerateSecret: false,
        IdTokenValidity: 480,
      })
      expect(JSON.stringify(client.WriteAttributes ?? [])).not.toContain('custom:')
    })
  })

  describe('workflows', () => {
    const stateMachine = () =>
      defined(Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0], 'state machine')

    it('creates a Standard state machine tksk-<name> from the ASL file as it is', () => {
      const { Properties } = stateMachine()
      expect(Properties.StateMachineName).toBe('tksk-demo')
      expect(Properties.StateMachineType).toBe('STANDARD')
      expect(Properties.DefinitionString).toBe(readFileSync(demoWorkflow.aslPath, 'utf8'))
    })

    it('fills in the steps function’s ARN', () => {
      const steps = demoSteps()
      expect(stateMachine().Properties.DefinitionSubstitutions).toEqual({
        StepsFunctionArn: { 'Fn::GetAtt': [logicalIdOf(steps.function), 'Arn'] },
      })
    })

    it('logs all events to its log group, without X-Ray (ADR 0024)', () => {
      expect(stateMachine().Properties).toMatchObject({
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
        TracingConfiguration: { Enabled: false },
      })
    })

    it('may invoke its steps function and no other', () => {
      const steps = demoSteps()
      const roleId = stateMachine().Properties.RoleArn['Fn::GetAtt'][0]
      const invokes = statementsOfRole(template, roleId).filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('lambda:')),
      )
      expect(invokes).toEqual([
        {
          Effect: 'Allow',
          Action: 'lambda:InvokeFunction',
          Resource: { 'Fn::GetAtt': [logicalIdOf(steps.function), 'Arn'] },
        },
      ])
    })
  })

  describe('alarms', () => {
    it('alarms on each function’s errors and throttles, each state machine’s failures and API 5xx, to an encrypted TLS-only topic', () => {
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties)
      const metrics = alarms.map((a) => `${a.Namespace}/${a.MetricName}`)
      // Every HTTP and steps function, the retention and pengesahan jobs and the two Cognito triggers.
      expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(functionsOf().length + 4)
      expect(metrics.filter((m) => m === 'AWS/Lambda/Throttles')).toHaveLength(functionsOf().length + 4)
      for (const outcome of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])
        expect(metrics.filter((m) => m === `AWS/States/${outcome}`)).toHaveLength(1)
      const api5xx = alarms.filter((a) => JSON.stringify(a.Metrics ?? []).includes('"MetricName":"5xx"'))
      expect(api5xx).toHaveLength(1)
      const topic = logicalIdOf(built.app.alarms.topic)
      for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }])
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() })
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      })
    })
  })
})
