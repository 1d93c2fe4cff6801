/**
 * Where large verval files are uploaded with a presigned URL (DESIGN §4, ADR 0018): a
 * private bucket encrypted with a key of its own (the files hold NIKs), TLS only, no
 * public access, objects gone after a day (the upload action deletes each file once its
 * batch holds the rows; the rule removes what was never submitted), and CORS for the
 * browser's PUT from the app's own origin only.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib'
import { Key } from 'aws-cdk-lib/aws-kms'
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3'
import { Construct } from 'constructs'

export interface VervalUploadBucketProps {
  /** The app's public origin (scheme + host): the only origin whose pages may PUT. */
  allowedOrigin: string
}

export class VervalUploadBucket extends Construct {
  readonly bucket: Bucket
  readonly key: Key

  constructor(scope: Construct, id: string, props: VervalUploadBucketProps) {
    super(scope, id)
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the verval files uploaded to tksk-flow (NIK and KK of families)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    this.bucket = new Bucket(this, 'Uploads', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [props.allowedOrigin],
          allowedHeaders: ['content-type'],
          maxAge: 3600,
        },
      ],
      // A day's transient files, re-creatable by the uploader: nothing to keep on a redeploy.
      removalPolicy: RemovalPolicy.DESTROY,
    })
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Files live at most a day and only through presigned URLs of the verval function; who uploaded ' +
        'what is the VERVAL_UPLOADED audit entry, and CloudTrail data events can be enabled per account.',
    })
  }
}
