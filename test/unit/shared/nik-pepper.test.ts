import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const secrets = mockClient(SecretsManagerClient)
// The worker's later files use the real client (unit files share modules, vitest.config.ts).
afterAll(() => secrets.restore())

beforeEach(() => {
  vi.resetModules()
  secrets.reset()
  delete process.env.NIK_PEPPER
  process.env.NIK_PEPPER_SECRET_ARN = 'arn:aws:secretsmanager:ap-southeast-3:1:secret:nik-pepper'
})
afterEach(() => {
  delete process.env.NIK_PEPPER_SECRET_ARN
})

describe('the NIK pepper on AWS', () => {
  it('is read from Secrets Manager once per container', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'pepper-from-aws' })
    const { nikPepper } = await import('../../../functions/shared/nik-pepper')
    expect(await nikPepper()).toBe('pepper-from-aws')
    expect(await nikPepper()).toBe('pepper-from-aws')
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1)
  })

  it('is asked again after a failed read instead of failing the container for good', async () => {
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ SecretString: 'pepper-from-aws' })
    const { nikPepper } = await import('../../../functions/shared/nik-pepper')
    await expect(nikPepper()).rejects.toThrow('Rate exceeded')
    expect(await nikPepper()).toBe('pepper-from-aws')
  })

  it('comes from NIK_PEPPER locally without asking AWS', async () => {
    process.env.NIK_PEPPER = 'local-pepper'
    const { nikPepper } = await import('../../../functions/shared/nik-pepper')
    expect(await nikPepper()).toBe('local-pepper')
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0)
  })
})
