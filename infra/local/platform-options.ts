/**
 * What the local platform is started with and what it hands back (infra/local/server.ts):
 * the tests, `npm start` and the benchmarks choose its pieces through these.
 */
import type { AwsClient } from '../../functions/shared/clients'
import type { WorkflowDefinition } from '../../workflows/workflows'
import type { FunctionAccess } from '../stacks/function-access'
import type { AccessDenial } from './iam/access-middleware'
import type { AwsLimits } from './limits/aws-limits'
import type { LocalMailer } from './mail/local-mailer'
import type { LocalSes } from './mail/ses-endpoint'
import type { LocalSms } from './mail/sms-endpoint'
import type { StreamHandler, StreamPoller } from './streams/stream-poller-types'
import type { LocalStepFunctions } from './stepfunctions/service'

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
