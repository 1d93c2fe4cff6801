/**
 * The whole system on one machine (DESIGN §2 "Local platform"): DynamoDB Local, the
 * tables and seed, the local Step Functions service and SES outbox under `/__aws`, and
 * the HTTP routes — all on one port, with the same handler code and ASL files as AWS.
 */
import './polyfills'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { auditTable, mainTable } from '../../functions/data/table-definitions'
import { onClockAdvance } from '../../functions/shared/clock'
import { errorBody, PayloadTooLargeError } from '../../functions/shared/errors'
import { logger } from '../../functions/shared/logger'
import { workflows as defaultWorkflows, type WorkflowDefinition } from '../../workflows/workflows'
import { AWS_PREFIX, createAwsEndpoint } from './aws-endpoint'
import { restoreClock } from './clock-store'
import { ensureTable } from './dynamodb/create-tables'
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb/dynamodb-local'
import { createGateway } from './gateway/gateway'
import { createLocalSes } from './mail/ses-endpoint'
import { loadOrCreateSecrets } from './secrets'
import { seed } from './seed/seed'
import { registerWorkflows, stepLambdas } from './step-lambdas'
import { createLocalStepFunctions, type LocalStepFunctions } from './stepfunctions/service'

export interface LocalPlatformOptions {
  /** 0 = any free port. */
  port: number
  dataDir: string
  publicBaseUrl?: string
  /** Use a DynamoDB (Local) that is already running, e.g. the test run's; otherwise start one under dataDir. */
  dynamodbEndpoint?: string
  /** Prefix of the table names, so several platforms can share one DynamoDB Local. */
  tablePrefix?: string
  smtpUrl?: string
  workflows?: readonly WorkflowDefinition[]
}

export interface LocalPlatform {
  url: string
  port: number
  dynamodbEndpoint: string
  stepFunctions: LocalStepFunctions
  stop: () => Promise<void>
}

/** API Gateway's own payload limit; routes apply their smaller ones. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024

const readRequestBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > MAX_REQUEST_BYTES) throw new PayloadTooLargeError(MAX_REQUEST_BYTES)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, () => {
      const address = server.address()
      resolveListen(typeof address === 'object' && address ? address.port : port)
    })
  })

export const startLocalPlatform = async (options: LocalPlatformOptions): Promise<LocalPlatform> => {
  const dataDir = resolve(options.dataDir)
  const secrets = loadOrCreateSecrets(dataDir)
  const stopClockStore = restoreClock(dataDir)
  const tablePrefix = options.tablePrefix ?? 'tksk'

  const dynamodbLocal: DynamoDbLocal | undefined = options.dynamodbEndpoint
    ? undefined
    : await startDynamoDbLocal({ dbPath: resolve(dataDir, 'dynamodb') })
  const dynamodbEndpoint = options.dynamodbEndpoint ?? dynamodbLocal?.endpoint ?? ''

  const server = createServer()
  const port = await listen(server, options.port)
  const url = `http://localhost:${port}`

  Object.assign(process.env, {
    STAGE: 'local',
    AWS_REGION: 'ap-southeast-3',
    DATA_DIR: dataDir,
    MAIN_TABLE_NAME: `${tablePrefix}-main`,
    AUDIT_TABLE_NAME: `${tablePrefix}-audit`,
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    AWS_LOCAL_ENDPOINT: `http://127.0.0.1:${port}${AWS_PREFIX}`,
    PUBLIC_BASE_URL: options.publicBaseUrl ?? url,
    AUTH_MODE: 'local',
    LOCAL_JWT_SECRET: secrets.jwtSecret,
    NIK_PEPPER: secrets.nikPepper,
  })

  const rawClient = new DynamoDBClient({
    region: 'ap-southeast-3',
    endpoint: dynamodbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  })
  await ensureTable(rawClient, mainTable, `${tablePrefix}-main`)
  await ensureTable(rawClient, auditTable, `${tablePrefix}-audit`)
  await seed()

  const workflows = options.workflows ?? defaultWorkflows
  const stepFunctions = createLocalStepFunctions({
    dynamo: DynamoDBDocumentClient.from(rawClient, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: `${tablePrefix}-main`,
    lambdas: stepLambdas(workflows),
    logger: {
      info: (...a) => logger.info(String(a[0]), { detail: a.slice(1) }),
      error: (...a) => logger.error(String(a[0]), { detail: a.slice(1) }),
    },
  })
  registerWorkflows(stepFunctions, workflows)
  const stopSettling = onClockAdvance(() => stepFunctions.idle())

  const gateway = createGateway()
  const aws = createAwsEndpoint(
    stepFunctions,
    createLocalSes({ dataDir, ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}) }),
  )
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const handle = async () => {
      const body = await readRequestBody(request)
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      if (path === AWS_PREFIX || path.startsWith(`${AWS_PREFIX}/`)) await aws(request, response, body)
      else await gateway(request, response, body)
    }
    handle().catch((error: unknown) => {
      const tooLarge = error instanceof PayloadTooLargeError
      if (!tooLarge) logger.error('local platform failed a request', { error: error as Error })
      if (response.headersSent) return response.destroy()
      response.writeHead(tooLarge ? 413 : 500, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify(
          tooLarge
            ? errorBody(error)
            : { error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada sistem.' } },
        ),
      )
    })
  })

  await stepFunctions.resume()

  let stopped = false
  const stop = async (): Promise<void> => {
    if (stopped) return
    stopped = true
    stopSettling()
    stopClockStore()
    await new Promise<void>((r) => {
      server.close(() => r())
      server.closeAllConnections()
    })
    await stepFunctions.stop()
    rawClient.destroy()
    await dynamodbLocal?.stop()
  }
  return { url, port, dynamodbEndpoint, stepFunctions, stop }
}
