import { Match, Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoWorkflow } from './fixtures/workflows'
import { buildApp, logicalIdOf, sharedApp, statementsOfRole, templateOf } from './support'

let built: ReturnType<typeof buildApp>
let template: Template

beforeAll(() => {
  built = sharedApp({ workflows: [demoWorkflow] })
  template = templateOf(built.app)
})

describe('the retention job on AWS', () => {
  it('runs daily at 02:00 WIB from an EventBridge schedule that invokes its own function', () => {
    const fn = built.app.retentionJob.fn.function
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 19 * * ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] } })],
    })
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [logicalIdOf(fn), 'Arn'] },
    })
    const { Properties } = template.toJSON().Resources[logicalIdOf(fn)]
    expect(Properties.Environment.Variables).toMatchObject({ RETENTION_YEARS: '5' })
    expect(Properties.Timeout).toBe(900)
  })

  it('may only read and change schedule items, cases, their tasks, draft verval rows and person lookup items of the main table, and only append to the audit table', () => {
    const statements = statementsOfRole(template, logicalIdOf(built.app.retentionJob.fn.role))
    const dynamo = statements.filter((s) => JSON.stringify(s.Action).includes('dynamodb:'))
    const main = dynamo.filter((s) => JSON.stringify(s.Resource).includes('Main'))
    const audit = dynamo.filter((s) => JSON.stringify(s.Resource).includes('Audit'))
    const onKeys = (actions: string[], leadingKeys: string[]) => ({
      Effect: 'Allow',
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: expect.anything(),
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys } },
    })
    expect(main).toEqual([
      onKeys(
        ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        ['RETENTION#*', 'CASE#*'],
      ),
      // Tasks are read in batches and their decisions updated, never deleted.
      onKeys(['dynamodb:BatchGetItem', 'dynamodb:UpdateItem'], ['TASK#*']),
      // Person lookup items and draft verval rows are only deleted, never read.
      onKeys(['dynamodb:DeleteItem'], ['PERSON#*', 'VERVALDRAFT#*']),
    ])
    expect(audit).toHaveLength(1)
    expect(audit[0]?.Action).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ])
    expect(JSON.stringify(audit[0]?.Resource)).not.toContain('index')
    expect(dynamo).toHaveLength(4)
    const others = statements
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
      .filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('logs:') && !a.startsWith('xray:'))
    expect(others.sort()).toEqual(['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'])
  })

  it('takes its period from the context (retentionYears), refusing a nonsense value', () => {
    const stack = buildApp({ workflows: [demoWorkflow], context: { retentionYears: '7' } }).app
    const fn = Template.fromStack(stack).toJSON().Resources[logicalIdOf(stack.retentionJob.fn.function)]
    expect(fn.Properties.Environment.Variables.RETENTION_YEARS).toBe('7')
    expect(() => buildApp({ workflows: [demoWorkflow], context: { retentionYears: '0' } })).toThrow(
      /RETENTION_YEARS/,
    )
  })
})

describe('LINK_REQUIRES_LOGIN on AWS', () => {
  const linkSetting = (template: Template, fn: Parameters<typeof logicalIdOf>[0]) =>
    template.toJSON().Resources[logicalIdOf(fn)].Properties.Environment.Variables.LINK_REQUIRES_LOGIN

  it('is off unless the context turns it on, and reaches the functions that serve links', () => {
    const links = built.app.httpFunctions.get('links')
    const pages = built.app.httpFunctions.get('pages')
    for (const fn of [links, pages]) if (fn) expect(linkSetting(template, fn.function)).toBe('false')

    const stack = buildApp({ workflows: [demoWorkflow], context: { linkRequiresLogin: 'true' } }).app
    const on = Template.fromStack(stack)
    const served = [stack.httpFunctions.get('links'), stack.httpFunctions.get('pages')].filter(
      (f) => f !== undefined,
    )
    expect(served.length).toBeGreaterThan(0)
    for (const fn of served) expect(linkSetting(on, fn.function)).toBe('true')
  })
})
