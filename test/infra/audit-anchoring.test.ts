/**
 * The hourly anchor job on AWS: scheduled every hour, allowed exactly what it needs
 * (the audit table's byDay index, the table key through DynamoDB, list/read/write of
 * anchor objects) and writing into the bucket that has Object Lock.
 */
import { describe, expect, it } from 'vitest'
import { logicalIdOf, statementsOfRole, synthesizeOnce } from './support'

const stacks = synthesizeOnce()

const jobId = () => logicalIdOf(stacks.built.app.auditAnchoring.fn.function)
const roleId = () => logicalIdOf(stacks.built.app.auditAnchoring.fn.role)
const resolve = (value: unknown) => JSON.stringify(stacks.built.app.resolve(value))

describe('the audit anchor job on AWS', () => {
  it('runs a minute past every hour and is retried, not dropped, when it fails', () => {
    stacks.app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(1 * * * ? *)',
      State: 'ENABLED',
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [jobId(), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3000 },
        },
      ],
    })
    stacks.app.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [jobId(), 'Arn'] },
      Principal: 'events.amazonaws.com',
    })
  })

  it('may query the byDay index, use the table key through DynamoDB and list, read and add anchors, nothing else', () => {
    const statements = statementsOfRole(stacks.app, roleId())
      .filter((s) => ![s.Action].flat().every((a) => a.startsWith('logs:') || a.startsWith('xray:')))
      .map((s) => ({
        actions: [s.Action].flat().sort(),
        resource: JSON.stringify(s.Resource),
        condition: s.Condition,
      }))
    expect(statements).toHaveLength(4)
    expect(statements[0]).toEqual({
      actions: ['dynamodb:Query'],
      resource: JSON.stringify({
        'Fn::Join': ['', [stacks.built.app.resolve(stacks.built.data.auditTable.tableArn), '/index/byDay']],
      }),
      condition: undefined,
    })
    expect(statements[1]).toMatchObject({
      actions: ['kms:Decrypt', 'kms:DescribeKey'],
      resource: resolve(stacks.built.data.tableKey.keyArn),
      condition: { StringEquals: { 'kms:ViaService': expect.stringMatching(/^dynamodb\./) } },
    })
    expect(statements[2]).toMatchObject({
      actions: ['s3:ListBucket'],
      resource: expect.stringMatching(/tksk-flow-audit-anchors-.*-ap-southeast-3"\]\]\}$/),
      condition: { StringLike: { 's3:prefix': ['anchors/*'] } },
    })
    expect(statements[3]?.actions).toEqual(['s3:GetObject', 's3:PutObject'])
    expect(statements[3]?.resource).toContain('/anchors/*')
    const all = statements.flatMap((s) => s.actions)
    for (const forbidden of [
      's3:DeleteObject',
      's3:DeleteObjectVersion',
      's3:PutObjectRetention',
      's3:BypassGovernanceRetention',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
    ])
      expect(all).not.toContain(forbidden)
  })

  it('writes to the anchor bucket of the data stack, which locks every object version', () => {
    const job = stacks.app.findResources('AWS::Lambda::Function')[jobId()] as {
      Properties: { Environment: { Variables: Record<string, unknown> } }
    }
    const name = JSON.stringify(job.Properties.Environment.Variables.ANCHOR_BUCKET_NAME)
    expect(name).toContain('tksk-flow-audit-anchors-')
    const bucket = stacks.data.findResources('AWS::S3::Bucket')[
      logicalIdOf(stacks.built.data.anchors.bucket)
    ] as {
      Properties: { BucketName: unknown; ObjectLockEnabled: boolean; ObjectLockConfiguration: unknown }
    }
    expect(JSON.stringify(bucket.Properties.BucketName)).toBe(name)
    expect(bucket.Properties.ObjectLockEnabled).toBe(true)
    expect(bucket.Properties.ObjectLockConfiguration).toMatchObject({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } },
    })
  })
})
