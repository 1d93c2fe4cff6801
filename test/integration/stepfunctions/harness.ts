/**
 * Test harness for the local Step Functions service: a fresh main table on the shared
 * DynamoDB Local, the fixture state machines registered with one "steps" Lambda (as the
 * real workflows have), a tiny HTTP server routing to the current service instance, and
 * an `@aws-sdk/client-sfn` client pointed at it — the same path the handlers use.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  type ExecutionStatus,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { mainTable } from '../../../functions/data/table-definitions'
import { ensureTable } from '../../../infra/local/dynamodb/create-tables'
import { sfnHttpHandler } from '../../../infra/local/stepfunctions/http'
import { createLocalStepFunctions, type LocalStepFunctions } from '../../../infra/local/stepfunctions/service'
import type { StateLimits } from '../../../infra/local/stepfunctions/task-handlers'
import { STEPS_FUNCTION_SUBSTITUTION } from '../../../workflows/workflows'
import { workerDynamodbEndpoint } from '../../support/dynamodb-endpoint'

export const STEPS_ARN = 'arn:aws:lambda:ap-southeast-3:000000000000:function:tksk-test-steps'
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' }
const fixturesDir = new URL('./fixtures/', import.meta.url)

export const fixtureNames = (): string[] =>
  readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.asl.json'))
    .map((file) => file.replace(/\.asl\.json$/, ''))

export const fixtureText = (name: string): string =>
  readFileSync(new URL(`${name}.asl.json`, fixturesDir), 'utf8')

/** A step of the fixtures' steps Lambda, chosen by `payload.step`. */
export type Step = (payload: Record<string, unknown>) => Promise<unknown>

export interface Harness {
  sfn: SFNClient
  service: LocalStepFunctions
  /** How many times each step was invoked. */
  calls: Map<string, number>
  /** The task tokens each waiting step received, in order. */
  tokens: Map<string, string[]>
  /** Replaces the service with a new instance on the same table (a restart); the old one must be stopped first. */
  restart(): LocalStepFunctions
  start(fixture: string, input: unknown, name?: string): Promise<string>
  describe(executionArn: string): Promise<DescribeExecutionCommandOutput>
  /** Polls until the execution has the status (for real-time waits such as Retry back-off). */
  waitForStatus(
    executionArn: string,
    status: ExecutionStatus,
    timeoutMs?: number,
  ): Promise<DescribeExecutionCommandOutput>
  close(): Promise<void>
}

export const stateMachineArnOf = (fixture: string): string =>
  `arn:aws:states:ap-southeast-3:000000000000:stateMachine:${fixture}`

/** Registers only the fixtures a test file uses: validating a definition takes ~0.2 s. */
export const createHarness = async (
  fixtures: string[],
  steps: Record<string, Step>,
  options: {
    limits?: Partial<StateLimits>
    /** Registers the fixtures as workflows whose first step marks their start (ADR 0042, fourth pass). */
    answersBeforeJournal?: boolean
    /** The service's view of the store, e.g. one that holds its writes back. */
    store?: (dynamo: DynamoDBDocumentClient) => DynamoDBDocumentClient
  } = {},
): Promise<Harness> => {
  const endpoint = workerDynamodbEndpoint()
  const client = new DynamoDBClient({ endpoint, region: 'ap-southeast-3', credentials })
  const dynamo = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })
  const tableName = `sfn-test-${randomUUID()}`
  await ensureTable(client, mainTable, tableName, { expectNew: true })

  const calls = new Map<string, number>()
  const tokens = new Map<string, string[]>()
  const stepsLambda = async (payload: unknown) => {
    const request = payload as Record<string, unknown>
    const name = String(request.step)
    calls.set(name, (calls.get(name) ?? 0) + 1)
    if (typeof request.token === 'string') tokens.set(name, [...(tokens.get(name) ?? []), request.token])
    const step = steps[name]
    if (!step) throw new Error(`no step ${name}`)
    return step(request)
  }

  const newService = (): LocalStepFunctions => {
    const instance = createLocalStepFunctions({
      dynamo: options.store?.(dynamo) ?? dynamo,
      tableName,
      lambdas: { [STEPS_ARN]: stepsLambda },
      logger: { info: () => undefined, error: (...args) => console.error(...args) },
      ...(options.limits ? { limits: options.limits } : {}),
    })
    for (const name of fixtures) {
      instance.registerStateMachine({
        name,
        definition: fixtureText(name),
        substitutions: { [STEPS_FUNCTION_SUBSTITUTION]: STEPS_ARN },
        answersBeforeJournal: options.answersBeforeJournal === true,
      })
    }
    return instance
  }

  let service = newService()
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => void sfnHttpHandler(service)(req, res, Buffer.concat(chunks).toString('utf8')))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const sfn = new SFNClient({
    region: 'ap-southeast-3',
    endpoint: `http://127.0.0.1:${port}/__aws`,
    credentials,
  })

  const describe = (executionArn: string) => sfn.send(new DescribeExecutionCommand({ executionArn }))

  return {
    sfn,
    get service() {
      return service
    },
    calls,
    tokens,
    restart() {
      service = newService()
      return service
    },
    async start(fixture, input, name) {
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: stateMachineArnOf(fixture),
          input: JSON.stringify(input),
          name,
        }),
      )
      if (!executionArn) throw new Error('StartExecution returned no executionArn')
      await service.idle()
      return executionArn
    },
    describe,
    async waitForStatus(executionArn, status, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const execution = await describe(executionArn)
        if (execution.status === status || Date.now() > deadline) return execution
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async close() {
      await service.stop()
      sfn.destroy()
      await new Promise((resolve) => server.close(resolve))
      client.destroy()
    },
  }
}

/** The output of a finished execution, parsed. */
export const outputOf = (execution: DescribeExecutionCommandOutput): unknown =>
  JSON.parse(execution.output ?? 'null')
