import { Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { demoWorkflow } from './fixtures/workflows'
import type { IConstruct } from 'constructs'
import { allStatements, asArray, buildApp, defined, logicalIdOf, statementsOfRole } from './support'

const IDENTITY = 'arn:aws:sms-voice:ap-southeast-3:123456789012:phone-number/phone-0123456789abcdef'

const smsStatements = (template: Template) =>
  allStatements(template).filter((statement) =>
    asArray(statement.Action).some((action) => action.startsWith('sms-voice:')),
  )

describe('residents’ SMS on AWS (ADR 0028)', () => {
  it('with context smsOriginationIdentity only the mailer may SendTextMessage, from that identity alone', () => {
    const stack = buildApp({ workflows: [demoWorkflow], context: { smsOriginationIdentity: IDENTITY } }).app
    const template = Template.fromStack(stack)
    const mailerRole = logicalIdOf(defined(stack.mailDelivery.mailer.function.role, 'mailer role'))
    const mailers = statementsOfRole(template, mailerRole).filter((statement) =>
      asArray(statement.Action).includes('sms-voice:SendTextMessage'),
    )
    expect(mailers).toEqual([
      expect.objectContaining({ Action: 'sms-voice:SendTextMessage', Resource: IDENTITY }),
    ])
    expect(smsStatements(template)).toHaveLength(1)
    // The functions that change cases write the SMS (case API, tasks, links, pages); the mailer sends them.
    const variables = (fn: { function: IConstruct } | undefined) =>
      template.toJSON().Resources[logicalIdOf(defined(fn, 'function').function)].Properties.Environment
        .Variables
    for (const name of ['cases', 'tasks', 'links', 'pages'])
      expect(variables(stack.httpFunctions.get(name as never)).SMS_ORIGINATION_IDENTITY, name).toBe(IDENTITY)
    expect(variables(stack.mailDelivery.mailer).SMS_ORIGINATION_IDENTITY).toBe(IDENTITY)
  })

  it('without it no role may send an SMS and no function is told an identity', () => {
    const template = Template.fromStack(buildApp({ workflows: [demoWorkflow] }).app)
    expect(smsStatements(template)).toEqual([])
    expect(JSON.stringify(template.toJSON())).not.toContain('SMS_ORIGINATION_IDENTITY')
  })

  it('refuses an identity that is not an End User Messaging ARN, which IAM could not name', () => {
    expect(() =>
      buildApp({ workflows: [demoWorkflow], context: { smsOriginationIdentity: '+6281234567890' } }),
    ).toThrow(/smsOriginationIdentity must be the ARN/)
  })
})
