/**
 * Configuration read from the environment, in one place. Read on use (not at import)
 * so the local platform and tests can set it before the first request.
 */
const required = (name: string): string => {
  const value = process.env[name]
  if (value === undefined || value === '') throw new Error(`missing environment variable ${name}`)
  return value
}

/** An empty variable counts as unset. */
const optional = (name: string): string | undefined => {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

export type Stage = 'local' | 'aws'
export type AuthMode = 'local' | 'cognito'

/** The origination identity the local SMS endpoint answers for (infra/local/mail/sms-endpoint.ts). */
export const LOCAL_SMS_ORIGINATION_IDENTITY =
  'arn:aws:sms-voice:ap-southeast-3:000000000000:phone-number/phone-local'

export const env = {
  stage: (): Stage => (optional('STAGE') === 'local' ? 'local' : 'aws'),
  region: (): string => optional('AWS_REGION') ?? 'ap-southeast-3',
  mainTableName: (): string => required('MAIN_TABLE_NAME'),
  auditTableName: (): string => required('AUDIT_TABLE_NAME'),
  /** DynamoDB Local endpoint; unset on AWS. */
  dynamodbEndpoint: (): string | undefined => optional('DYNAMODB_ENDPOINT'),
  /** The local platform's `/__aws` endpoint (Step Functions and SES v2); unset on AWS. */
  awsLocalEndpoint: (): string | undefined => optional('AWS_LOCAL_ENDPOINT'),
  publicBaseUrl: (): string => required('PUBLIC_BASE_URL'),
  /** The secret CloudFront adds to each request on AWS (ADR 0012); unset locally. */
  edgeOriginSecret: (): string | undefined => optional('EDGE_ORIGIN_SECRET'),
  /** The local platform's data directory (DESIGN §2); only meaningful when `STAGE=local`. */
  dataDir: (): string => optional('DATA_DIR') ?? '.data',
  mailFrom: (): string => optional('MAIL_FROM') ?? 'tksk-flow <no-reply@tksk.local>',
  /** On AWS: the SES configuration set whose events report bounces and complaints (ADR 0018). */
  mailConfigurationSet: (): string | undefined => optional('MAIL_CONFIGURATION_SET'),
  /**
   * The AWS End User Messaging SMS origination identity (an ARN: phone number, sender ID or
   * pool) residents' SMS are sent from (ADR 0028). Unset on AWS without the CDK context
   * `smsOriginationIdentity`: then no SMS is written. Locally the platform's own.
   */
  smsOriginationIdentity: (): string | undefined =>
    optional('SMS_ORIGINATION_IDENTITY') ??
    (optional('AWS_LOCAL_ENDPOINT') ? LOCAL_SMS_ORIGINATION_IDENTITY : undefined),
  authMode: (): AuthMode => (optional('AUTH_MODE') === 'cognito' ? 'cognito' : 'local'),
  cognitoUserPoolId: (): string => required('COGNITO_USER_POOL_ID'),
  cognitoClientId: (): string => required('COGNITO_CLIENT_ID'),
  /** The hosted UI's base URL (`https://<prefix>.auth.<region>.amazoncognito.com`). */
  cognitoDomain: (): string => required('COGNITO_DOMAIN'),
  /** Years after closing before a case's PII is anonymised (DESIGN §5); parsed by core/retention. */
  retentionYears: (): string | undefined => optional('RETENTION_YEARS'),
  /**
   * Rows per verval chunk (`CHUNK_ROWS` when unset, as on AWS): the local platform sets it
   * only when a test asks, to reach a second chunk with a few dozen rows. Anything but a
   * positive whole number is refused: 0 would make the chunk ranges endless.
   */
  vervalChunkRows: (): number | undefined => {
    const value = optional('VERVAL_CHUNK_ROWS')
    if (value === undefined) return undefined
    const rows = Number(value)
    if (!Number.isInteger(rows) || rows < 1)
      throw new Error(`VERVAL_CHUNK_ROWS must be a positive whole number, not ${value}`)
    return rows
  },
  /** Public endpoints, per client IP; `0` turns limiting off (load tests). */
  rateLimitPerMinute: (): number => Number(optional('RATE_LIMIT_PER_MINUTE') ?? '60'),
  /** Staff endpoints, per user: their own, higher budget, so a public burst never locks staff out. */
  staffRateLimitPerMinute: (): number => Number(optional('STAFF_RATE_LIMIT_PER_MINUTE') ?? '600'),
  /** Staff task links also need the recipient's session (DESIGN §5); provider links never do. */
  linkRequiresLogin: (): boolean => optional('LINK_REQUIRES_LOGIN') === 'true',
  /** HMAC key of `nikRef` given directly (locally, from `.data/secrets.json`); see shared/nik-pepper.ts. */
  nikPepperValue: (): string | undefined => optional('NIK_PEPPER'),
  /** The bucket of large verval files uploaded through a presigned URL (ADR 0018). */
  vervalUploadBucket: (): string => required('VERVAL_UPLOAD_BUCKET'),
  /** On AWS: the Object Lock bucket of the audit anchor chain (functions granted `anchors`). */
  anchorBucketName: (): string | undefined => optional('ANCHOR_BUCKET_NAME'),
  /** On AWS: the Secrets Manager secret holding the pepper. */
  nikPepperSecretArn: (): string => required('NIK_PEPPER_SECRET_ARN'),
  stateMachineArn: (workflow: string): string => required(`${workflow.toUpperCase()}_STATE_MACHINE_ARN`),
}
