/**
 * AWS SDK clients, created once per Lambda container. Locally they point at DynamoDB
 * Local and the local platform's `/__aws` endpoint (Step Functions and SES v2) with
 * dummy credentials; on AWS they use the function's role.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { SESv2Client } from '@aws-sdk/client-sesv2'
import { SFNClient } from '@aws-sdk/client-sfn'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { env } from './env'

const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' }

const localConfig = (endpoint: string | undefined) =>
  endpoint ? { endpoint, credentials: localCredentials } : {}

let documentClient: DynamoDBDocumentClient | undefined
let sfnClient: SFNClient | undefined
let sesClient: SESv2Client | undefined

export const dynamo = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ region: env.region(), ...localConfig(env.dynamodbEndpoint()) }),
    { marshallOptions: { removeUndefinedValues: true } },
  )
  return documentClient
}

export const sfn = (): SFNClient => {
  sfnClient ??= new SFNClient({ region: env.region(), ...localConfig(env.awsLocalEndpoint()) })
  return sfnClient
}

export const ses = (): SESv2Client => {
  sesClient ??= new SESv2Client({ region: env.region(), ...localConfig(env.awsLocalEndpoint()) })
  return sesClient
}

/** Forgets the cached clients (the local platform calls it when it points the environment at new endpoints). */
export const resetClients = (): void => {
  documentClient?.destroy()
  sfnClient?.destroy()
  sesClient?.destroy()
  documentClient = undefined
  sfnClient = undefined
  sesClient = undefined
}
