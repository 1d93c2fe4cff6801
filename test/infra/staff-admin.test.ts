/**
 * Issue 13: the Cognito admin API (create, update, disable, sign out staff) is granted
 * to the function that administers staff and to nothing else, on the staff user pool
 * only; that function is also the one the daily term-end schedule invokes.
 */
import { describe, expect, it } from 'vitest'
import { asArray, defined, logicalIdOf, type Statement, statementsOfRole, synthesizeOnce } from './support'

const COGNITO_ADMIN = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminUserGlobalSignOut',
]

const cognitoActions = (statements: Statement[]): string[] =>
  statements.flatMap((s) => asArray(s.Action)).filter((action) => action.startsWith('cognito-idp:'))

describe('the staff administration function', () => {
  const synthesized = synthesizeOnce()
  const adminFunction = () => defined(synthesized.built.app.httpFunctions.get('admin'), 'the admin function')

  it('holds the Cognito admin actions, on the staff user pool only', () => {
    const statements = statementsOfRole(synthesized.app, logicalIdOf(adminFunction().role))
    expect([...new Set(cognitoActions(statements))].sort()).toEqual(COGNITO_ADMIN)
    const poolId = logicalIdOf(synthesized.built.data.staff.userPool)
    for (const statement of statements.filter((s) => cognitoActions([s]).length > 0))
      expect(JSON.stringify(statement.Resource)).toContain(poolId)
  })

  it('is the only function of the app with any Cognito admin permission', () => {
    const adminRole = logicalIdOf(adminFunction().role)
    const policies = Object.values(synthesized.app.findResources('AWS::IAM::Policy')) as {
      Properties: { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } }
    }[]
    const holders = policies
      .filter((policy) =>
        cognitoActions(policy.Properties.PolicyDocument.Statement).some((a) => a.includes(':Admin')),
      )
      .map((policy) => JSON.stringify(policy.Properties.Roles))
    expect(holders).toEqual([JSON.stringify([{ Ref: adminRole }])])
    const dataPolicies = Object.values(synthesized.data.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyDocument: { Statement: Statement[] } }
    }[]
    expect(dataPolicies.flatMap((p) => cognitoActions(p.Properties.PolicyDocument.Statement))).toEqual([])
  })

  it('is invoked daily to end the terms of TKSK whose SK ran out', () => {
    synthesized.app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 17 * * ? *)',
      Targets: [{ Arn: { 'Fn::GetAtt': [logicalIdOf(adminFunction().function), 'Arn'] } }],
    })
  })
})

describe('the first admin on deploy (-c adminEmail=… -c kabupaten=…)', () => {
  const synthesized = synthesizeOnce({
    context: { adminEmail: 'admin@dinsos.bogorkab.go.id', kabupaten: '32.01' },
  })

  it('invites the first admin by invoking the admin function once, with the email and kabupaten', () => {
    const adminArn = logicalIdOf(defined(synthesized.built.app.httpFunctions.get('admin'), 'admin').function)
    const resources = Object.values(synthesized.app.findResources('Custom::AWS')) as {
      Properties: { Create: unknown }
    }[]
    expect(resources).toHaveLength(1)
    const create = JSON.stringify(resources[0]?.Properties.Create)
    expect(create).toContain('\\"action\\":\\"invoke\\"')
    expect(create).toContain('admin@dinsos.bogorkab.go.id')
    expect(create).toContain('32.01')
    expect(create).toContain(adminArn)
  })

  it('lets the custom resource invoke the admin function and nothing else, and keeps cdk-nag clean', () => {
    const policies = Object.values(synthesized.app.findResources('AWS::IAM::Policy')) as {
      Properties: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }
    }[]
    const invite = policies.filter((p) => p.Properties.PolicyName.includes('FirstAdmin'))
    expect(
      invite.flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((s) => asArray(s.Action))),
    ).toEqual(['lambda:InvokeFunction'])
    const report = synthesized.built.nag.validateScope(synthesized.built.cdkApp)
    expect(
      report.violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([])
  })

  it('refuses half a first admin', async () => {
    const { buildApp } = await import('./support')
    expect(() => buildApp({ context: { adminEmail: 'admin@x.go.id' } })).toThrow(/kabupaten/)
  })
})
