/**
 * The whole system on one machine (DESIGN §2 "Local platform"): DynamoDB Local, the
 * tables and seed, the local Step Functions service and SES outbox under `/__aws`, and
 * the HTTP routes — all on one port, with the same handler code and ASL files as AWS.
 */
import './polyfills'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { beforeClockAdvance, onClockAdvance } from '../../functions/shared/clock'
import { logger } from '../../functions/shared/logger'
import { workflows as defaultWorkflows } from '../../workflows/workflows'
import { statementsByFunction } from '../stacks/access-statements'
import { functionAccess } from '../stacks/function-access'
import { startLocalAnchoring } from './anchors/local-anchoring'
import { createAwsEndpoint } from './aws-endpoint'
import { restoreClock } from './clock-store'
import { startLocalRetention } from './retention/local-retention'
import { startLocalPengesahan } from './pengesahan/local-pengesahan'
import { startDynamoDbLocal } from './dynamodb/dynamodb-local'
import { createGateway } from './gateway/gateway'
import { closeServer, dispatchRequest, listen, type RequestHandler, serve } from './http-server'
import { installLocalIam } from './iam/access-middleware'
import { awsLimits } from './limits/aws-limits'
import { type LocalMailer, mayFeedMailer, startLocalMailer } from './mail/local-mailer'
import { createLocalSes } from './mail/ses-endpoint'
import { createLocalSms } from './mail/sms-endpoint'
import { setPlatformEnv } from './platform-env'
import type { LocalPlatform, LocalPlatformOptions } from './platform-options'
import { localTableNames, prepareTables } from './platform-tables'
import { createLocalS3 } from './s3/s3-endpoint'
import { mayFeedCaseStarter, startLocalCaseStarter } from './streams/local-case-starter'
import type { StreamPoller } from './streams/stream-poller-types'
import { nudgeOnWrites } from './streams/write-nudge'
import { loadOrCreateSecrets } from './secrets'
import { backgroundWaitsItsTurn } from './foreground'
import { registerWorkflows, stepLambdas } from './step-lambdas'
import { createLocalStepFunctions, type LocalStepFunctions } from './stepfunctions/service'
import { stopSequence } from './stop-sequence'
import { validatedDefinitions } from './stepfunctions/validated-definitions'

export const startLocalPlatform = async (options: LocalPlatformOptions): Promise<LocalPlatform> => {
  const dataDir = resolve(options.dataDir)
  const secrets = loadOrCreateSecrets(dataDir)
  const tablePrefix = options.tablePrefix ?? 'tksk'
  const tables = localTableNames(tablePrefix)

  let handler: RequestHandler | undefined
  const server = createServer()
  const limits = { ...awsLimits, ...options.limits }
  serve(server, () => handler, limits)
  // Loopback only unless asked: the dev login hands out admin tokens to whoever asks.
  const port = await listen(server, options.port, options.host ?? '127.0.0.1')
  const url = `http://localhost:${port}`

  const started = stopSequence(() => closeServer(server))
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

    setPlatformEnv({
      dataDir,
      tablePrefix,
      dynamodbEndpoint,
      port,
      url,
      publicBaseUrl: options.publicBaseUrl,
      nikPepper: secrets.nikPepper,
      vervalChunkRows: options.vervalChunkRows,
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
    const { mainStreamArn } = await prepareTables(rawClient, tablePrefix, options)

    const workflows = options.workflows ?? defaultWorkflows
    const stepFunctions: LocalStepFunctions = createLocalStepFunctions({
      dynamo: DynamoDBDocumentClient.from(rawClient, { marshallOptions: { removeUndefinedValues: true } }),
      tableName: tables.main,
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
      tableName: tables.main,
      streamArn: mainStreamArn,
      ...options.mailer,
    })
    mailerRef = mailer
    started.push(() => mailer.stop())
    // A second event source mapping on the same stream, with its own checkpoint.
    const caseStarter = await startLocalCaseStarter({
      dataDir,
      dynamodbEndpoint,
      tableName: tables.main,
      streamArn: mainStreamArn,
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
    handler = dispatchRequest(aws, gateway)
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
      stop: started.stopAll,
    }
  } catch (error) {
    await started.stopAll()
    throw error
  }
}
