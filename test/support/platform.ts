/**
 * Starts the local platform for one integration test file: on its worker's DynamoDB Local
 * (the global setup's, then a fresh one every few files: worker-jvm.ts) with its own table
 * prefix, a temp DATA_DIR and a free port, and the seed copied from the worker's first
 * platform (seed-copy.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, inject } from 'vitest'
import type { LocalPlatform, LocalPlatformOptions } from '../../infra/local/platform-options'
import { startLocalPlatform } from '../../infra/local/server'
import { localTableNames } from '../../infra/local/platform-tables'
import { copySeed } from './seed-copy'
import { workerDynamodbEndpoint } from './dynamodb-endpoint'

export interface TestPlatform extends LocalPlatform {
  dataDir: string
  /** Stops the platform and removes its DATA_DIR. */
  dispose: () => Promise<void>
}

let counter = 0

export const startTestPlatform = async (
  options: Partial<LocalPlatformOptions> = {},
): Promise<TestPlatform> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tksk-test-'))
  counter += 1
  const endpoint = workerDynamodbEndpoint()
  const ownPrefix = `t${process.pid}-${Date.now().toString(36)}-${counter}`
  const platform = await startLocalPlatform({
    port: 0,
    dataDir,
    dynamodbEndpoint: endpoint,
    tablePrefix: ownPrefix,
    // Validated once by the global setup: no platform of the run runs asl-validator again.
    validatedDefinitionsDir: inject('validatedDefinitionsDir'),
    ...options,
    // A prefix of its own is new to the JVM: no DescribeTable of a table that is not there (ADR 0049).
    newTablePrefix: options.tablePrefix === undefined,
    // Seeded once per worker and copied into the next files' tables (seed-copy.ts).
    seed: options.seed === false ? false : copySeed,
  })
  return {
    ...platform,
    dataDir,
    dispose: async () => {
      await platform.stop()
      rmSync(dataDir, { recursive: true, force: true })
      // The worker's in-memory DynamoDB Local holds the tables of each file it served: a
      // disposed platform's own tables go, or the JVM's heap fills and later files crawl. Tables a test named itself (restarts over kept tables) are its to keep.
      if (options.tablePrefix === undefined) await dropTables(endpoint, ownPrefix)
    },
  }
}

export const login = async (baseUrl: string, username: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  })
  if (response.status !== 200) throw new Error(`login of ${username} failed with ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/** Logs each seeded user in once per test file and reuses the token. */
export const createTokenCache = (baseUrl: () => string) => {
  const tokens = new Map<string, string>()
  return async (username: string): Promise<string> => {
    const known = tokens.get(username)
    if (known) return known
    const token = await login(baseUrl(), username)
    tokens.set(username, token)
    return token
  }
}

const dropTables = async (endpoint: string, prefix: string): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  try {
    await Promise.all(
      Object.values(localTableNames(prefix)).map((TableName) =>
        client.send(new DeleteTableCommand({ TableName })).catch(() => undefined),
      ),
    )
  } finally {
    client.destroy()
  }
}

/**
 * The platform of one test file: started before its tests, disposed of after them.
 * `url` reads its address once started (pass it where a base URL getter is wanted).
 */
export const useTestPlatform = (options: Partial<LocalPlatformOptions> = {}) => {
  let platform: TestPlatform | undefined
  beforeAll(async () => {
    platform = await startTestPlatform(options)
  })
  afterAll(async () => {
    await platform?.dispose()
  })
  return { url: () => platform?.url ?? '' }
}
