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
import type { AwsClient } from '../../functions/shared/clients'
import { beforeClockAdvance, onClockAdvance } from '../../functions/shared/clock'
import { AppError, errorBody, internalErrorBody, isAppError } from '../../functions/shared/errors'
import { logger } from '../../functions/shared/logger'
import { workflows as defaultWorkflows, type WorkflowDefinition } from '../../workflows/workflows'
import { statementsByFunction } from '../stacks/access-statements'
import { type FunctionAccess, functionAccess } from '../stacks/function-access'
import { startLocalAnchoring } from './anchors/local-anchoring'
import { AWS_PREFIX, createAwsEndpoint } from './aws-endpoint'
import { restoreClock } from './clock-store'
import { startLocalRetention } from './retention/local-retention'
import { startLocalPengesahan } from './pengesahan/local-pengesahan'
import { ensureTableDescribed } from './dynamodb/create-tables'
import { startDynamoDbLocal } from './dynamodb/dynamodb-local'
import { createGateway } from './gateway/gateway'
import { writeResult } from './gateway/write-result'
import { type AccessDenial, installLocalIam } from './iam/access-middleware'
import { type AwsLimits, awsLimits } from './limits/aws-limits'
import { REQUEST_TOO_LARGE } from './limits/invoke-http-lambda'
import { type LocalMailer, mayFeedMailer, startLocalMailer } from './mail/local-mailer'
import { createLocalSes, type LocalSes } from './mail/ses-endpoint'
import { createLocalSms, type LocalSms } from './mail/sms-endpoint'
import { createLocalS3 } from './s3/s3-endpoint'
import { mayFeedCaseStarter, startLocalCaseStarter } from './streams/local-case-starter'
import type { StreamHandler, StreamPoller } from './streams/stream-poller'
import { nudgeOnWrites } from './streams/write-nudge'
import { loadOrCreateSecrets } from './secrets'
import { readSeedStampEarly, seed } from './seed/seed'
import { backgroundWaitsItsTurn } from './foreground'
import { registerWorkflows, stepLambdas } from './step-lambdas'
import { createLocalStepFunctions, type LocalStepFunctions } from './stepfunctions/service'
import { validatedDefinitions } from './stepfunctions/validated-definitions'

export interface LocalPlatformOptions {
  /** 0 = any free port. */
  port: number
  dataDir: string
  /**
   * Where the ASL definitions already validated are remembered (DATA_DIR by default): the
   * test run shares one for all its platforms, validated once by its global setup.
   */
  validatedDefinitionsDir?: string
  publicBaseUrl?: string
  /** Use a DynamoDB (Local) that is already running, e.g. the test run's; otherwise start one under dataDir. */
  dynamodbEndpoint?: string
  /** Prefix of the table names, so several platforms can share one DynamoDB Local. */
  tablePrefix?: string
  /** The prefix is new to this DynamoDB (a test file's own): its tables are created without asking first. */
  newTablePrefix?: boolean
  smtpUrl?: string
  /**
   * Load the seed of DESIGN §6 (default); `false` starts from an empty directory, as a new
   * deployment does. A loader decides how the seed gets into the tables (the tests copy
   * one seeded pair of tables into the next, test/support/seed-copy.ts).
   */
  seed?: boolean | SeedLoader
  workflows?: readonly WorkflowDefinition[]
  /**
   * What each function may touch (infra/stacks/function-access.ts by default): every SDK
   * call of a handler is evaluated against it as IAM would evaluate the deployed role.
   * Tests pass a changed copy to prove a grant is needed.
   */
  access?: Readonly<Record<string, FunctionAccess>>
  /** AWS quotas enforced locally (infra/local/limits); AWS's own by default, smaller in tests. */
  limits?: Partial<AwsLimits>
  /** Decorates every SDK client the handlers make, after the local IAM (`npm run cost` meters calls with it). */
  decorateClients?: (client: AwsClient) => void
  /** Interface to listen on; loopback by default. */
  host?: string
  /** Rows per verval chunk (`env.vervalChunkRows`): a test reaches a second chunk with a few rows. */
  vervalChunkRows?: number
  /** The local Step Functions' Retry back-off, in ms (`LocalStepFunctionsOptions.retryIntervalMs`): tests shorten it. */
  stepFunctionsRetryIntervalMs?: number
  /** The mailer's stream feed (ADR 0018): tests wrap its handler or poll faster. */
  mailer?: { handler?: StreamHandler; intervalMs?: number; maxRetryAttempts?: number }
  /** The case starter's stream feed (ADR 0050): tests hold or fail its handler, or shorten its retries. */
  caseStarter?: { handler?: StreamHandler; maxRetryAttempts?: number }
  /** Further local services (e.g. the audit anchoring) started after the tables; each returns its stop. */
  extras?: readonly ((context: {
    dataDir: string
  }) => Promise<() => void | Promise<void>> | (() => void | Promise<void>))[]
}

export interface SeedLoaderContext {
  /** The seeding use cases, as `npm start` runs them. */
  runSeed: () => Promise<unknown>
  /** Both tables were created by this start (not kept from an earlier one). */
  freshTables: boolean
  tables: { main: string; audit: string }
}

export type SeedLoader = (context: SeedLoaderContext) => Promise<void>

export interface LocalPlatform {
  url: string
  port: number
  dynamodbEndpoint: string
  stepFunctions: LocalStepFunctions
  /** Every call the local IAM refused since start (also the ones a handler caught and swallowed). */
  accessDenials: readonly AccessDenial[]
  /** The outbox's mailer, fed by the main table's stream. */
  mailer: LocalMailer
  /** Starts new cases' workflows, fed by the main table's stream (ADR 0050). */
  caseStarter: StreamPoller
  /** The local SES endpoint, whose faults tests can switch on. */
  ses: LocalSes
  /** The local End User Messaging SMS endpoint, whose faults tests can switch on (ADR 0028). */
  sms: LocalSms
  stop: () => Promise<void>
}

/** Past API Gateway's own payload limit (routes apply their smaller ones): it answers, not a Lambda. */
class OverGatewayLimit extends Error {}

const readRequestBody = async (request: IncomingMessage, maxBytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength
    if (size > maxBytes) throw new OverGatewayLimit()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      resolveListen(typeof address === 'object' && address ? address.port : port)
    })
  })

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolveClose) => {
    server.close(() => resolveClose())
    server.closeAllConnections()
  })

type RequestHandler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => Promise<void>

const sendError = (response: ServerResponse, error: unknown): void => {
  if (error instanceof OverGatewayLimit) {
    // The rest of the body is not read: the connection cannot be reused.
    writeResult(response, {
      ...REQUEST_TOO_LARGE,
      headers: { ...REQUEST_TOO_LARGE.headers, connection: 'close' },
    })
    return
  }
  const known = isAppError(error)
  if (!known) logger.error('local platform failed a request', { error: error as Error })
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.writeHead(known ? error.status : 500, {
    'content-type': 'application/json',
    ...(known ? error.headers : {}),
  })
  response.end(JSON.stringify(known ? errorBody(error) : internalErrorBody()))
}

/**
 * Requests that arrive while the platform is still starting get a 503 in the contract's
 * shape (so a script polling `/api/health` gets an answer instead of hanging).
 */
const serve = (server: Server, current: () => RequestHandler | undefined, limits: AwsLimits): void => {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const handle = async () => {
      const body = await readRequestBody(request, limits.apiMaxRequestBytes)
      const handler = current()
      if (!handler) throw new AppError(503, 'INTERNAL', 'Layanan sedang dimulai.', [], { 'retry-after': '1' })
      await handler(request, response, body)
    }
    handle().catch((error: unknown) => sendError(response, error))
  })
}

export const startLocalPlatform = async (options: LocalPlatformOptions): Promise<LocalPlatform> => {
  const dataDir = resolve(options.dataDir)
  const secrets = loadOrCreateSecrets(dataDir)
  const tablePrefix = options.tablePrefix ?? 'tksk'

  let handler: RequestHandler | undefined
  const server = createServer()
  const limits = { ...awsLimits, ...options.limits }
  serve(server, () => handler, limits)
  // Loopback only unless asked: the dev login hands out admin tokens to whoever asks.
  const port = await listen(server, options.port, options.host ?? '127.0.0.1')
  const url = `http://localhost:${port}`

  // Everything started so far, stopped in reverse order on failure or on stop().
  const started: (() => Promise<void> | void)[] = [() => closeServer(server)]
  const stopAll = async (): Promise<void> => {
    for (const stopOne of started.splice(0).reverse()) await stopOne()
  }
  let stepFunctionsRef: LocalStepFunctions | undefined
  let mailerRef: LocalMailer | undefined
  let caseStarterRef: StreamPoller | undefined
  try {
    started.push(restoreClock(dataDir))
    const dynamodbLocal = options.dynamodbEndpoint
      ? undefined
      : await startDynamoDbLocal({ dbPath: resolve(dataDir, 'dynamodb') })
    if (dynamodbLocal) started.push(() => dynamodbLocal.stop())
    const dynamodbEndpoint = options.dynamodbEndpoint ?? dynamodbLocal?.endpoint ?? ''

    Object.assign(process.env, {
      STAGE: 'local',
      AWS_REGION: 'ap-southeast-3',
      DATA_DIR: dataDir,
      MAIN_TABLE_NAME: `${tablePrefix}-main`,
      AUDIT_TABLE_NAME: `${tablePrefix}-audit`,
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      AWS_LOCAL_ENDPOINT: `http://127.0.0.1:${port}${AWS_PREFIX}`,
      VERVAL_UPLOAD_BUCKET: 'tksk-verval-uploads',
      PUBLIC_BASE_URL: options.publicBaseUrl ?? url,
      AUTH_MODE: 'local',
      NIK_PEPPER: secrets.nikPepper,
      // Empty (unset) unless this platform's test asks: a worker's next platform starts from the default.
      VERVAL_CHUNK_ROWS: options.vervalChunkRows === undefined ? '' : String(options.vervalChunkRows),
    })
    // Installing forgets handlers' cached clients: they must follow this platform's endpoints
    // and policies, not a previous one's.
    const localIam = installLocalIam({
      statements: statementsByFunction(options.access ?? functionAccess),
      taskTokenOwner: (token) => stepFunctionsRef?.taskTokenOwner(token),
      decorate: (client) => {
        backgroundWaitsItsTurn(client)
        // A handler's write of an outbox item may put a mail on the stream: the mailer reads it at once.
        nudgeOnWrites(client, () => mailerRef?.nudge(), mayFeedMailer)
        // A handler's write of a new case puts it on the stream: the case starter reads it at once.
        nudgeOnWrites(client, () => caseStarterRef?.nudge(), mayFeedCaseStarter)
        options.decorateClients?.(client)
      },
    })
    started.push(() => localIam.uninstall())

    const rawClient = new DynamoDBClient({
      region: 'ap-southeast-3',
      endpoint: dynamodbEndpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    })
    started.push(() => rawClient.destroy())
    const tables = { main: `${tablePrefix}-main`, audit: `${tablePrefix}-audit` }
    // The seed stamp is read beside the table checks; tables of a new name hold none (and a
    // missing table is an exception inside the JVM).
    const seedStamp =
      options.seed === undefined || options.seed === true
        ? options.newTablePrefix
          ? Promise.resolve(undefined)
          : readSeedStampEarly()
        : undefined
    const ensured = await Promise.all([
      ensureTableDescribed(rawClient, mainTable, tables.main, { expectNew: options.newTablePrefix }),
      ensureTableDescribed(rawClient, auditTable, tables.audit, { expectNew: options.newTablePrefix }),
    ])
    if (typeof options.seed === 'function')
      await options.seed({
        runSeed: seed,
        freshTables: ensured.every((table) => table.outcome === 'created'),
        tables,
      })
    else if (seedStamp) await seed(seedStamp)

    const workflows = options.workflows ?? defaultWorkflows
    const stepFunctions: LocalStepFunctions = createLocalStepFunctions({
      dynamo: DynamoDBDocumentClient.from(rawClient, { marshallOptions: { removeUndefinedValues: true } }),
      tableName: `${tablePrefix}-main`,
      lambdas: stepLambdas(workflows, limits),
      limits,
      validated: validatedDefinitions(options.validatedDefinitionsDir ?? dataDir),
      retryIntervalMs: options.stepFunctionsRetryIntervalMs,
      logger: {
        info: (...a) => logger.info(String(a[0]), { detail: a.slice(1) }),
        error: (...a) => logger.error(String(a[0]), { detail: a.slice(1) }),
      },
    })
    stepFunctionsRef = stepFunctions
    registerWorkflows(stepFunctions, workflows)
    started.push(() => stepFunctions.stop())
    started.push(onClockAdvance(() => stepFunctions.idle()))
    const anchoring = startLocalAnchoring({ dataDir })
    started.push(() => anchoring.stop())
    const retention = startLocalRetention()
    started.push(() => retention.stop())
    const pengesahan = startLocalPengesahan()
    started.push(() => pengesahan.stop())

    const mailer = await startLocalMailer({
      dataDir,
      dynamodbEndpoint,
      tableName: `${tablePrefix}-main`,
      streamArn: ensured[0].table?.LatestStreamArn,
      ...options.mailer,
    })
    mailerRef = mailer
    started.push(() => mailer.stop())
    // A second event source mapping on the same stream, with its own checkpoint.
    const caseStarter = await startLocalCaseStarter({
      dataDir,
      dynamodbEndpoint,
      tableName: `${tablePrefix}-main`,
      streamArn: ensured[0].table?.LatestStreamArn,
      ...options.caseStarter,
    })
    caseStarterRef = caseStarter
    started.push(() => caseStarter.stop())
    // A case filed before the clock moves is started before it moves: its execution (and the
    // TimeoutSeconds its states count) begins at the old time, as when intake started it.
    started.push(beforeClockAdvance(() => caseStarter.drain()))

    const gateway = createGateway(limits)
    const ses = createLocalSes({ dataDir, ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}) })
    const sms = createLocalSms({ dataDir })
    const aws = createAwsEndpoint(stepFunctions, ses, createLocalS3({ dataDir }), sms)
    handler = async (request, response, body) => {
      const path = (request.url ?? '/').split('?')[0] ?? '/'
      if (path === AWS_PREFIX || path.startsWith(`${AWS_PREFIX}/`)) await aws(request, response, body)
      else await gateway(request, response, body)
    }
    await stepFunctions.resume()
    return {
      url,
      port,
      dynamodbEndpoint,
      stepFunctions,
      accessDenials: localIam.denials,
      mailer,
      caseStarter,
      ses,
      sms,
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
