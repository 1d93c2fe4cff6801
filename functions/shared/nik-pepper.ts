/**
 * The HMAC key of `nikRef` (DESIGN §1). Locally it is `NIK_PEPPER` (from
 * `DATA_DIR/secrets.json`); on AWS it is read once per container from Secrets Manager
 * (`NIK_PEPPER_SECRET_ARN`, granted only to the functions that compute `nikRef`).
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager'
import { secretsManager } from './clients'
import { env } from './env'

let cached: Promise<string> | undefined

const fromSecretsManager = async (secretArn: string): Promise<string> => {
  const { SecretString } = await secretsManager().send(new GetSecretValueCommand({ SecretId: secretArn }))
  if (!SecretString) throw new Error('the NIK pepper secret is empty')
  return SecretString
}

export const nikPepper = (): Promise<string> => {
  const local = env.nikPepperValue()
  if (local) return Promise.resolve(local)
  cached ??= fromSecretsManager(env.nikPepperSecretArn()).catch((error: unknown) => {
    cached = undefined // a transient failure must not poison the container
    throw error
  })
  return cached
}
