/**
 * The Cognito staff-directory trigger and the NIK pepper secret (issue 5, DESIGN §1):
 * the trigger is attached to the user pool and may only put `USER#` items; the pepper
 * is a KMS-encrypted secret that exactly the functions computing `nikRef` may read.
 */
import { describe, expect, it } from 'vitest'
import { functionAccess } from '../../infra/stacks/function-access'
import { asArray, expectCognitoTrigger, logicalIdOf, statementsOfRole, synthesizeOnce } from './support'

const stacks = synthesizeOnce()

describe('the staff directory sync', () => {
  it('runs as the user pool’s pre-token-generation trigger, within Cognito’s 5 s', () => {
    const fn = logicalIdOf(stacks.built.data.staffSync.fn.function)
    expectCognitoTrigger(
      stacks.data,
      'PreTokenGeneration',
      fn,
      'tksk-flow Cognito pre-token-generation: staff directory sync',
    )
  })

  it('may only PutItem directory entries (leading key USER#) and use the table key through DynamoDB', () => {
    const statements = statementsOfRole(stacks.data, logicalIdOf(stacks.built.data.staffSync.fn.role))
    const dynamo = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('dynamodb:')))
    expect(dynamo).toHaveLength(1)
    expect(dynamo[0]).toMatchObject({
      Action: 'dynamodb:PutItem',
      Resource: { 'Fn::GetAtt': [logicalIdOf(stacks.built.data.mainTable), 'Arn'] },
      Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
    })
    const kms = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith('kms:')))
    expect(kms).toHaveLength(1)
    expect(JSON.stringify(kms[0]?.Condition)).toContain('dynamodb.')
    const others = statements
      .flatMap((s) => asArray(s.Action))
      .filter((a) => !/^(dynamodb|kms|logs|xray):/.test(a))
    expect(others).toEqual([])
    // Nothing on the audit table.
    const audit = logicalIdOf(stacks.built.data.auditTable)
    expect(statements.some((s) => JSON.stringify(s.Resource).includes(audit))).toBe(false)
  })
})

describe('the NIK pepper', () => {
  it('is a generated secret under its own customer-managed key, retained', () => {
    stacks.data.hasResource('AWS::SecretsManager::Secret', {
      Properties: {
        KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(stacks.built.data.nikPepper.key), 'Arn'] },
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
      },
      DeletionPolicy: 'Retain',
    })
  })

  it('is readable by exactly the functions that compute nikRef, which get its ARN', () => {
    const functions = [
      ...[...stacks.built.app.httpFunctions].map(([name, fn]) => [name, fn] as const),
      ...[...stacks.built.app.stepsFunctions].map(([name, fn]) => [`${name}-steps`, fn] as const),
    ]
    const readers = functions.filter(([name]) => functionAccess[name]?.nikPepper).map(([name]) => name)
    // tasks and links: an adminduk decision records the issued NIK with its nikRef (ADR 0037);
    // registers: the PPKS register's optional NIK (issue 16).
    expect(readers.sort()).toEqual(['cases', 'links', 'pages', 'registers', 'tasks', 'verval-steps'])
    for (const [name, fn] of functions) {
      const statements = statementsOfRole(stacks.app, logicalIdOf(fn.role))
      const reads = statements.filter((s) => asArray(s.Action).includes('secretsmanager:GetSecretValue'))
      const variables =
        stacks.app.toJSON().Resources[logicalIdOf(fn.function)].Properties.Environment.Variables
      const reader = readers.includes(name)
      expect(reads, name).toHaveLength(reader ? 1 : 0)
      expect(Object.hasOwn(variables, 'NIK_PEPPER_SECRET_ARN'), name).toBe(reader)
      expect(JSON.stringify(variables), name).not.toMatch(/NIK_PEPPER"/)
      if (!reader) continue
      expect(JSON.stringify(reads[0]?.Resource)).toContain('NikPepper')
      const decrypt = statements.filter((s) => JSON.stringify(s.Condition ?? {}).includes('secretsmanager.'))
      expect(decrypt, name).toHaveLength(1)
      expect(decrypt[0]?.Action).toBe('kms:Decrypt')
    }
  })
})
