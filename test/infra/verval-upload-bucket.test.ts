/**
 * The bucket of large verval files (ADR 0018): private, KMS, TLS only, a day's life, CORS
 * for the app's own origin, and only the verval function may sign, read and delete there.
 */
import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { asArray, logicalIdOf, statementsOfRole, synthesizeOnce } from './support'

const synthesized = synthesizeOnce()

describe('the verval upload bucket', () => {
  it('is private, encrypted with its own key, TLS only, and forgets every file after a day', () => {
    const { bucket, key } = synthesized.built.app.vervalUploads
    const resource = synthesized.app.toJSON().Resources[logicalIdOf(bucket)].Properties
    expect(resource.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    })
    expect(resource.BucketEncryption.ServerSideEncryptionConfiguration[0]).toMatchObject({
      ServerSideEncryptionByDefault: {
        SSEAlgorithm: 'aws:kms',
        KMSMasterKeyID: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] },
      },
    })
    expect(resource.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({
        ExpirationInDays: 1,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      }),
    ])
    expect(resource.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['PUT'], AllowedHeaders: ['content-type'] }),
    ])
    synthesized.app.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalIdOf(bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
  })

  it('lets only the verval function (its API and its pages, ADR 0013 §8) put, read and delete files, under verval/ only, and names the bucket to it', () => {
    const { app } = synthesized.built
    const users = [...app.httpFunctions].filter(([, fn]) =>
      statementsOfRole(synthesized.app, logicalIdOf(fn.role)).some((s) =>
        asArray(s.Action).includes('s3:DeleteObject'),
      ),
    )
    expect(users.map(([name]) => name).sort()).toEqual(['verval'])
    const verval = app.httpFunctions.get('verval')
    const grant = statementsOfRole(synthesized.app, logicalIdOf(verval?.role as never)).find((s) =>
      asArray(s.Action).includes('s3:DeleteObject'),
    )
    expect(JSON.stringify(grant?.Resource)).toContain('/verval/*')
    const variables =
      synthesized.app.toJSON().Resources[logicalIdOf(verval?.function as never)].Properties.Environment
        .Variables
    expect(variables.VERVAL_UPLOAD_BUCKET).toEqual({ Ref: logicalIdOf(app.vervalUploads.bucket) })
  })
})
