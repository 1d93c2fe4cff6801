/**
 * Every Lambda of the system is made here, the same way: Node 22 on arm64, bundled by
 * the local esbuild for Node 20 (the code also runs on the local platform's Node 20),
 * its own role and its own log group. Stacks only say what differs: entry, kind,
 * environment and which data files to ship.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Duration, Stack, Validations } from 'aws-cdk-lib'
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda'
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs'
import { LogGroup } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import { type FunctionKind, functionMemoryMb, functionTimeoutSeconds } from '../stacks/function-timeouts'
import { assetCopyCommands, assetEnvironment, type BundledAssetName } from './bundled-assets'
import { stageOf } from './stage'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export type { FunctionKind }

export interface TkskFunctionProps {
  /** Absolute path of the handler module (exports `handler`). */
  entry: string
  kind: FunctionKind
  description: string
  environment: Record<string, string>
  assets?: readonly BundledAssetName[]
  /** Concurrency set aside for (and capping) this function; the account's shared pool when absent. */
  reservedConcurrency?: number
}

// esbuild's ESM output has no `require`; bundled CommonJS dependencies still call it.
const esmRequireBanner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

/**
 * How every function is bundled. test/infra/bundles.test.ts builds each function with
 * these very options (as NodejsFunction passes them to esbuild) to hold the bundle size
 * and prove each bundle loads without node_modules.
 */
export const tkskBundling = (assets: readonly BundledAssetName[]) =>
  ({
    target: 'node20',
    format: OutputFormat.ESM,
    mainFields: ['module', 'main'],
    banner: esmRequireBanner,
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    // The SDK is bundled at the version the tests ran with, not the runtime's copy.
    externalModules: [],
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) => assetCopyCommands(assets, inputDir, outputDir),
    },
  }) satisfies BundlingOptions

export class TkskFunction extends Construct {
  readonly function: NodejsFunction
  readonly role: Role
  /** The handler module and the data files shipped with it, as bundled. */
  readonly entry: string
  readonly assets: readonly BundledAssetName[]

  constructor(scope: Construct, id: string, props: TkskFunctionProps) {
    super(scope, id)
    const assets = props.assets ?? []
    this.entry = props.entry
    this.assets = assets

    // Per stage (one year in prod: staff actions are traced through these logs in audits).
    const logGroup = new LogGroup(this, 'Logs', {
      retention: stageOf(this).logRetention,
      removalPolicy: stageOf(this).removalPolicy,
    })
    // Our own role instead of the managed AWSLambdaBasicExecutionRole: it may write to
    // its own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    })
    logGroup.grantWrite(this.role)

    this.function = new NodejsFunction(this, 'Function', {
      entry: entryToUse(this, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: functionMemoryMb,
      timeout: Duration.seconds(functionTimeoutSeconds[props.kind]),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup,
      // X-Ray off (ADR 0024): the correlation id and the execution name in every log line trace a request.
      tracing: Tracing.DISABLED,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...assetEnvironment(assets),
        ...props.environment,
      },
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      bundling: tkskBundling(assets),
    })

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: the bundle targets Node 20 so the same code runs on the local platform; ' +
        'the newest runtime is adopted together with the local Node version.',
    })
  }
}

/**
 * A missing entry fails a real synth (NodejsFunction checks it). When this stack is not
 * bundled (infra tests, `aws:cdk:bundling-stacks: []`) the entry's content is never read,
 * so a resource whose handler is still being written does not block the template tests.
 */
const entryToUse = (scope: Construct, entry: string): string =>
  existsSync(entry) || Stack.of(scope).bundlingRequired ? entry : fileURLToPath(import.meta.url)
