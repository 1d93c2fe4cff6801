import type { Template } from 'aws-cdk-lib/assertions'
import { Match } from 'aws-cdk-lib/assertions'
import { beforeAll, describe, expect, it } from 'vitest'
import { tableDefinitions } from '../../functions/data/table-definitions'
import { type buildApp, logicalIdOf, sharedApp, templateOf } from './support'

let template: Template
let built: ReturnType<typeof buildApp>

beforeAll(() => {
  built = sharedApp()
  template = templateOf(built.data)
})

const tableOf = (id: 'main' | 'audit') => (id === 'main' ? built.data.mainTable : built.data.auditTable)

describe('the data stack', () => {
  describe.each(tableDefinitions.map((definition) => [definition.id, definition] as const))(
    'the %s table',
    (id, definition) => {
      const properties = () => template.toJSON().Resources[logicalIdOf(tableOf(id))]

      it('has the keys, indexes and TTL of its definition', () => {
        const table = properties().Properties
        expect(table.KeySchema).toEqual([
          { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
        ])
        const indexes = (table.GlobalSecondaryIndexes ?? []).map(
          (index: { IndexName: string; KeySchema: unknown }) => ({
            name: index.IndexName,
            keys: index.KeySchema,
          }),
        )
        expect(indexes).toEqual(
          definition.globalSecondaryIndexes.map((index) => ({
            name: index.indexName,
            keys: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
          })),
        )
        const keyAttributes = [definition.partitionKey, definition.sortKey].concat(
          definition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
        )
        expect(table.AttributeDefinitions).toEqual(
          expect.arrayContaining(
            keyAttributes.map((key) => ({ AttributeName: key.name, AttributeType: key.type })),
          ),
        )
        expect(table.TimeToLiveSpecification).toEqual(
          definition.timeToLiveAttribute
            ? { AttributeName: definition.timeToLiveAttribute, Enabled: true }
            : undefined,
        )
      })

      it('has point-in-time recovery, deletion protection and the customer-managed key, and is retained', () => {
        const resource = properties()
        expect(resource.DeletionPolicy).toBe('Retain')
        expect(resource.Properties.PointInTimeRecoverySpecification).toEqual({
          PointInTimeRecoveryEnabled: true,
        })
        expect(resource.Properties.DeletionProtectionEnabled).toBe(true)
        expect(resource.Properties.SSESpecification).toEqual({
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: { 'Fn::GetAtt': [logicalIdOf(built.data.tableKey), 'Arn'] },
        })
      })
    },
  )

  it('has two keys (tables, NIK pepper), each rotated and retained', () => {
    const keys = Object.values(template.findResources('AWS::KMS::Key'))
    expect(keys).toHaveLength(2)
    for (const key of keys)
      expect(key).toMatchObject({ Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain' })
  })

  it('backs up both tables daily and keeps the backups 35 days', () => {
    template.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanRule: [
          Match.objectLike({ ScheduleExpression: 'cron(0 18 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }),
        ],
      },
    })
    template.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: {
        Resources: tableDefinitions.map((definition) => ({
          'Fn::GetAtt': [logicalIdOf(tableOf(definition.id)), 'Arn'],
        })),
      },
    })
  })

  it('locks every audit anchor for ten years in compliance mode, versioned, private, TLS only and access-logged', () => {
    const anchors = logicalIdOf(built.data.anchors.bucket)
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } },
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(built.data.anchors.accessLogs) } },
      },
      DeletionPolicy: 'Retain',
    })
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: anchors },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
  })

  it('has a staff user pool without sign-up, with TOTP required, threat protection enforced and mutable role and area claims', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'role', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'area', AttributeDataType: 'String', Mutable: true }),
      ]),
      DeletionProtection: 'ACTIVE',
    })
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'tksk-flow' })
  })

  it('has the mail domain as an SES identity', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'tksk-flow.example.go.id' })
  })
})
