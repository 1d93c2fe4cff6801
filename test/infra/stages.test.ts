/**
 * Stages (issue 17, ADR 0024): two stages of the app synthesize side by side for one
 * account with no physical name in common, and each keeps what its stage keeps.
 */
import { Template } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseStage } from '../../infra/constructs/stage'
import { buildApp } from './support'

type Built = ReturnType<typeof buildApp>
let dev: Built
let prod: Built

beforeAll(() => {
  dev = buildApp({ context: { stage: 'dev' } })
  prod = buildApp({ context: { stage: 'prod' } })
})

const templatesOf = (built: Built) =>
  [built.data, built.app, built.edge, built.edgeLogs].map((stack) => Template.fromStack(stack))

/** Properties that set a physical name (a name the account or region holds once). */
const NAME_PROPERTIES = new Set([
  'AliasName',
  'BucketName',
  'TableName',
  'StateMachineName',
  'LogGroupName',
  'Domain',
  'EmailIdentity',
  'FunctionName',
  'RoleName',
  'TopicName',
  'QueueName',
  'DashboardName',
  'AlarmName',
  'Name',
])

/** `{Ref}` / `{Fn::GetAtt}` / `{Fn::ImportValue}` name another resource; they set no name of their own. */
const isReference = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  ['Ref', 'Fn::GetAtt', 'Fn::ImportValue'].some((intrinsic) => intrinsic in value)

const physicalNames = (built: Built): Set<string> => {
  const names = new Set<string>([
    built.data.stackName,
    built.app.stackName,
    built.edge.stackName,
    built.edgeLogs.stackName,
  ])
  for (const template of templatesOf(built)) {
    for (const resource of Object.values(template.toJSON().Resources ?? {})) {
      const properties = (resource as { Properties?: Record<string, unknown> }).Properties ?? {}
      for (const [key, value] of Object.entries(properties))
        if (NAME_PROPERTIES.has(key) && !isReference(value)) names.add(`${key}=${JSON.stringify(value)}`)
    }
  }
  return names
}

const resourcesOf = (built: Built, type: string) =>
  templatesOf(built).flatMap((template) => Object.values(template.findResources(type)))

describe('stages', () => {
  it('two stages in one account share no physical name (stacks, key alias, buckets, state machines, hosted UI, mail identity …)', () => {
    const devNames = physicalNames(dev)
    const prodNames = physicalNames(prod)
    expect([...devNames].filter((name) => prodNames.has(name))).toEqual([])
    // The names that used to be fixed are among those compared.
    for (const kind of ['AliasName', 'BucketName', 'StateMachineName', 'Domain', 'EmailIdentity'])
      expect(
        [...devNames].some((name) => name.startsWith(`${kind}=`)),
        kind,
      ).toBe(true)
    expect(dev.data.stackName).toBe('TkskData-dev')
    expect(prod.data.stackName).toBe('TkskData')
    expect([dev, prod].map((built) => built.edgeLogs.stackName)).toEqual(['TkskEdgeLogs-dev', 'TkskEdgeLogs'])
    // The access-log delivery's names are unique per account and Region: each stage has its own.
    const deliveryNames = (built: Built) =>
      ['AWS::Logs::DeliverySource', 'AWS::Logs::DeliveryDestination'].map((type) =>
        resourcesOf(built, type).map((resource) => (resource.Properties as { Name: unknown }).Name),
      )
    expect(deliveryNames(dev)).toEqual([['tksk-flow-dev-edge-access'], ['tksk-flow-dev-edge-access-s3']])
    expect(deliveryNames(prod)).toEqual([['tksk-flow-edge-access'], ['tksk-flow-edge-access-s3']])
  })

  it('prod keeps the names it had before stages', () => {
    const prodNames = physicalNames(prod)
    expect(prodNames).toContain('AliasName="alias/tksk-flow/tables"')
    expect(prodNames).toContain('StateMachineName="tksk-case"')
    expect(prodNames).toContain('Domain="tksk-flow"')
  })

  it('locks the audit anchors in compliance mode in prod only, governance elsewhere', () => {
    const lockOf = (built: Built) =>
      resourcesOf(built, 'AWS::S3::Bucket')
        .map((bucket) => (bucket.Properties as { ObjectLockConfiguration?: unknown }).ObjectLockConfiguration)
        .filter(Boolean)
    expect(lockOf(prod)).toEqual([
      { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
    ])
    expect(lockOf(dev)).toEqual([
      { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } } },
    ])
  })

  it('retains tables, keys, user pool and logs in prod; lets a dev stack go whole, with shorter logs', () => {
    const stateful = [
      'AWS::DynamoDB::Table',
      'AWS::KMS::Key',
      'AWS::Cognito::UserPool',
      'AWS::Logs::LogGroup',
    ]
    for (const type of stateful) {
      expect(new Set(resourcesOf(prod, type).map((r) => r.DeletionPolicy)), `prod ${type}`).toEqual(
        new Set(type === 'AWS::KMS::Key' ? ['Retain', 'Delete'] : ['Retain']),
      )
      expect(new Set(resourcesOf(dev, type).map((r) => r.DeletionPolicy)), `dev ${type}`).toEqual(
        new Set(['Delete']),
      )
    }
    const retention = (built: Built) =>
      new Set(
        resourcesOf(built, 'AWS::Logs::LogGroup').map(
          (r) => (r.Properties as { RetentionInDays: number }).RetentionInDays,
        ),
      )
    expect(retention(prod)).toEqual(new Set([365]))
    expect(retention(dev)).toEqual(new Set([30]))
    for (const table of resourcesOf(dev, 'AWS::DynamoDB::Table'))
      expect((table.Properties as { DeletionProtectionEnabled?: boolean }).DeletionProtectionEnabled).toBe(
        false,
      )
  })

  it('gives the state machines’ log groups no fixed name, so a destroyed app stack does not block the next deploy', () => {
    for (const built of [dev, prod]) {
      const machines = resourcesOf(built, 'AWS::StepFunctions::StateMachine')
      expect(machines.length).toBeGreaterThan(0)
      for (const group of resourcesOf(built, 'AWS::Logs::LogGroup'))
        expect((group.Properties as { LogGroupName?: unknown }).LogGroupName).toBeUndefined()
    }
  })

  it('refuses a stage it does not know, and means prod when none is given', () => {
    expect(() => parseStage('staging')).toThrow(/dev, test, prod/)
    expect(parseStage(undefined)).toBe('prod')
  })
})
