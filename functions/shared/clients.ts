/**
 * AWS SDK clients, created once per Lambda container. Locally they point at DynamoDB
 * Local and the local platform's `/__aws` endpoint (Step Functions and SES v2) with
 * dummy credentials, and carry the local platform's IAM evaluation (see
 * `installLocalAwsHooks`); on AWS they use the function's role.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2'
import { S3Client } from '@aws-sdk/client-s3'
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { SESv2Client } from '@aws-sdk/client-sesv2'
import { SFNClient } from '@aws-sdk/client-sfn'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { env } from './env'

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' }

const localConfig = (endpoint: string | undefined) =>
  endpoint ? { endpoint, credentials: localCredentials } : {}

export type AwsClient =
  DynamoDBClient | SFNClient | SESv2Client | S3Client | SecretsManagerClient | PinpointSMSVoiceV2Client

/**
 * The local platform's hooks (its IAM, infra/local/iam); on AWS they are never set.
 */
export interface LocalAwsHooks {
  /** Called with every client made here, before its first use. */
  decorate(client: AwsClient): void
  /**
   * Authorises a call that a local stand-in serves without an SDK client (the file anchor
   * store stands in for S3), as the service would authorise the same command.
   */
  authorize(service: 's3', commandName: string, input: Record<string, unknown>): void
}

let hooks: LocalAwsHooks | undefined

const made = <C extends AwsClient>(client: C): C => {
  hooks?.decorate(client)
  return client
}

/** See `LocalAwsHooks.authorize`; does nothing on AWS. */
export const authorizeStandIn: LocalAwsHooks['authorize'] = (service, commandName, input) =>
  hooks?.authorize(service, commandName, input)

let documentClient: DynamoDBDocumentClient | undefined
let sfnClient: SFNClient | undefined
let sesClient: SESv2Client | undefined
let s3Client: S3Client | undefined
let smsClient: PinpointSMSVoiceV2Client | undefined
let secretsClient: SecretsManagerClient | undefined

export const dynamo = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(
    made(new DynamoDBClient({ region: env.region(), ...localConfig(env.dynamodbEndpoint()) })),
    { marshallOptions: { removeUndefinedValues: true } },
  )
  return documentClient
}

export const sfn = (): SFNClient => {
  sfnClient ??= made(new SFNClient({ region: env.region(), ...localConfig(env.awsLocalEndpoint()) }))
  return sfnClient
}

export const ses = (): SESv2Client => {
  sesClient ??= made(new SESv2Client({ region: env.region(), ...localConfig(env.awsLocalEndpoint()) }))
  return sesClient
}

/**
 * AWS End User Messaging SMS (ADR 0028), in the region of the origination identity (it
 * may live in another region than the app: SMS is not offered everywhere); locally the
 * platform's `/__aws` endpoint answers SendTextMessage.
 */
export const smsVoice = (): PinpointSMSVoiceV2Client => {
  const region = env.smsOriginationIdentity()?.split(':')[3] || env.region()
  smsClient ??= made(new PinpointSMSVoiceV2Client({ region, ...localConfig(env.awsLocalEndpoint()) }))
  return smsClient
}

/**
 * Locally path-style under `/__aws/s3` (infra/local/s3, ADR 0018). Checksums only where S3
 * requires them: a presigned upload URL then carries no checksum the browser cannot compute.
 */
export const s3 = (): S3Client => {
  const local = env.awsLocalEndpoint()
  s3Client ??= made(
    new S3Client({
      region: env.region(),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(local ? { ...localConfig(`${local}/s3`), forcePathStyle: true } : {}),
    }),
  )
  return s3Client
}

export const secretsManager = (): SecretsManagerClient => {
  secretsClient ??= made(new SecretsManagerClient({ region: env.region() }))
  return secretsClient
}

/** Forgets the cached clients (the local platform calls it when it points the environment at new endpoints). */
export const resetClients = (): void => {
  for (const client of [documentClient, sfnClient, sesClient, s3Client, secretsClient, smsClient])
    client?.destroy()
  documentClient = undefined
  sfnClient = undefined
  sesClient = undefined
  s3Client = undefined
  secretsClient = undefined
  smsClient = undefined
}

/** Sets (or with undefined, removes) the local hooks for every client made from now on; forgets the cached ones. */
export const installLocalAwsHooks = (localHooks: LocalAwsHooks | undefined): void => {
  hooks = localHooks
  resetClients()
}
