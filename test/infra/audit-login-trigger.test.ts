/** Staff sign-ins on AWS are audited by a Cognito post-authentication trigger that may only append to users' chains. */
import { describe, expect, it } from 'vitest'
import { asArray, expectCognitoTrigger, logicalIdOf, statementsOfRole, synthesizeOnce } from './support'

const stacks = synthesizeOnce()

describe('the login audit trigger', () => {
  it('runs after every successful sign-in to the staff user pool, within Cognito’s 5 s', () => {
    const fn = logicalIdOf(stacks.built.data.loginAudit.fn.function)
    expectCognitoTrigger(
      stacks.data,
      'PostAuthentication',
      fn,
      'tksk-flow Cognito post-authentication: LOGIN audit entry',
    )
  })

  it('may only put and read entries of users’ own audit chains, never update, delete or touch state', () => {
    const statements = statementsOfRole(stacks.data, logicalIdOf(stacks.built.data.loginAudit.fn.role))
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')))
    expect(dynamo).toHaveLength(1)
    expect(asArray(dynamo[0]?.Action ?? []).sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ])
    expect(dynamo[0]).toMatchObject({
      Resource: { 'Fn::GetAtt': [logicalIdOf(stacks.built.data.auditTable), 'Arn'] },
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['user:*'] } },
    })
    const kms = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('kms:')))
    expect(kms).toHaveLength(1)
    expect(JSON.stringify(kms[0]?.Condition)).toContain('dynamodb.')
    const others = statements
      .flatMap((s) => asArray(s.Action))
      .filter((a) => !/^(dynamodb|kms|logs|xray):/.test(a))
    expect(others).toEqual([])
    const main = logicalIdOf(stacks.built.data.mainTable)
    expect(statements.some((s) => JSON.stringify(s.Resource).includes(main))).toBe(false)
  })
})
