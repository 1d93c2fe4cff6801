/**
 * The four stacks and the cdk-nag checks, on a given App: infra/app.ts runs it for the
 * CLI, the infra tests run it on an App of their own (with a fixture workflow and no
 * bundling). Settings come from the CDK context (cdk.json or `-c key=value`).
 */
import { type App, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { areaLevel } from '../../functions/core/areas/area-code'
import { DEFAULT_RETENTION_YEARS, retentionYearsOf } from '../../functions/core/retention/retention-rule'
import type { WorkflowDefinition } from '../../workflows/workflows'
import type { AnchorLockMode } from '../constructs/audit-anchor-bucket'
import { parseStage, STAGE_CONTEXT, stackNameOf, stageSettings } from '../constructs/stage'
import { AppStack } from './app-stack'
import { DataStack } from './data-stack'
import { EdgeLogsStack } from './edge-logs-stack'
import { EDGE_REGION, EdgeStack } from './edge-stack'
import type { FunctionAccess } from './function-access'

export const REGION = 'ap-southeast-3'

export interface TkskAppOptions {
  workflows?: readonly WorkflowDefinition[]
  access?: Readonly<Record<string, FunctionAccess>>
}

export interface TkskApp {
  data: DataStack
  edge: EdgeStack
  app: AppStack
  edgeLogs: EdgeLogsStack
  nag: AwsSolutionsChecks
}

const lockMode = (value: string): AnchorLockMode => {
  if (value !== 'compliance' && value !== 'governance') {
    throw new Error(`anchorLockMode must be compliance or governance, not ${value}`)
  }
  return value
}

/** `-c smsOriginationIdentity=arn:aws:sms-voice:…`: an ARN, which IAM can name (ADR 0028). */
const smsIdentityOf = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  if (!/^arn:aws:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|sender-id|pool)\/\S+$/.test(value))
    throw new Error(
      `smsOriginationIdentity must be the ARN of a phone number, sender ID or pool, not ${value}`,
    )
  return value
}

/** `-c adminEmail=… -c kabupaten=32.01`: both or neither (ADR 0015). */
const firstAdminOf = (email: string | undefined, kabupaten: string | undefined) => {
  if (email === undefined && kabupaten === undefined) return undefined
  if (!email || !/^\S+@\S+\.\S+$/.test(email))
    throw new Error(`adminEmail must be an email address, not ${email}`)
  if (!kabupaten || areaLevel(kabupaten) !== 'regency')
    throw new Error(`kabupaten must be a kabupaten/kota code such as 32.01, not ${kabupaten}`)
  return { email, kabupaten }
}

/**
 * `alarmEmails`: a list in cdk.json, or `-c alarmEmails=a@x,b@y` on the command line; the
 * older single `alarmEmail` still counts (issue 17).
 */
export const alarmEmailsOf = (list: unknown, single: string | undefined): string[] => {
  const given = Array.isArray(list) ? list.map(String) : typeof list === 'string' ? list.split(',') : []
  const emails = [...given, ...(single ? [single] : [])].map((email) => email.trim()).filter(Boolean)
  for (const email of emails)
    if (!/^\S+@\S+\.\S+$/.test(email)) throw new Error(`alarmEmails must be email addresses, not ${email}`)
  return [...new Set(emails)]
}

export const createTkskApp = (app: App, options: TkskAppOptions = {}): TkskApp => {
  const context = <T>(key: string, fallback: T): T =>
    (app.node.tryGetContext(key) as T | undefined) ?? fallback
  // Offline synth has no credentials: the account stays a deploy-time token.
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: REGION }

  const stage = parseStage(context<unknown>(STAGE_CONTEXT, undefined))
  const settings = stageSettings(stage)
  const mailDomain = context('mailDomain', 'tksk-flow.example.go.id')
  const data = new DataStack(app, 'TkskData', {
    env,
    stackName: stackNameOf('TkskData', stage),
    description:
      'tksk-flow stateful resources: tables, key, audit anchors, mail identity, staff user pool, backups',
    terminationProtection: stage === 'prod',
    // One SES identity per domain and account: a stage outside prod sends from its own subdomain.
    mailDomain: stage === 'prod' ? mailDomain : `${stage}.${mailDomain}`,
    // Hosted-UI prefixes are unique per region.
    authDomainPrefix: `${context('authDomainPrefix', 'tksk-flow')}${stage === 'prod' ? '' : `-${stage}`}`,
    anchorLockMode: lockMode(context('anchorLockMode', settings.anchorLockMode)),
    anchorRetentionYears: Number(context('anchorRetentionYears', settings.anchorRetentionYears)),
  })
  // CloudFront's web ACL exists only in us-east-1 (ADR 0012).
  const edge = new EdgeStack(app, 'TkskEdge', {
    env: { account: env.account, region: EDGE_REGION },
    stackName: stackNameOf('TkskEdge', stage),
    description: 'tksk-flow edge: the AWS WAF web ACL in front of CloudFront (us-east-1 by AWS rule)',
    crossRegionReferences: true,
    rateLimits: {
      perIp: Number(context('wafRateLimitPerIp', 2000)),
      publicPathsPerIp: Number(context('wafPublicRateLimitPerIp', 300)),
    },
  })
  const domainName = context<string | undefined>('domainName', undefined)
  const certificateArn = context<string | undefined>('certificateArn', undefined)
  if ((domainName === undefined) !== (certificateArn === undefined))
    throw new Error(
      'domainName and certificateArn go together (an ACM certificate in us-east-1 for the name)',
    )
  const appStack = new AppStack(app, 'TkskApp', {
    env,
    stackName: stackNameOf('TkskApp', stage),
    crossRegionReferences: true,
    description: 'tksk-flow stateless resources: HTTP API, functions, state machines, alarms',
    data,
    workflows: options.workflows,
    access: options.access,
    publicBaseUrl: context<string | undefined>('publicBaseUrl', undefined),
    rateLimitPerMinute: Number(context('rateLimitPerMinute', 60)),
    throttle: {
      rateLimit: Number(context('apiRateLimit', 100)),
      burstLimit: Number(context('apiBurstLimit', 200)),
    },
    publicRouteThrottle: {
      rateLimit: Number(context('publicRouteRateLimit', 10)),
      burstLimit: Number(context('publicRouteBurstLimit', 20)),
    },
    webAclArn: edge.webAclArn,
    domain: domainName && certificateArn ? { name: domainName, certificateArn } : undefined,
    reserveConcurrency: String(context('reservedConcurrency', true)) !== 'false',
    alarmEmails: alarmEmailsOf(
      context<unknown>('alarmEmails', undefined),
      context<string | undefined>('alarmEmail', undefined),
    ),
    // `-c linkRequiresLogin=true` arrives as a string, cdk.json as a boolean.
    linkRequiresLogin: String(context('linkRequiresLogin', false)) === 'true',
    retentionYears: retentionYearsOf(String(context('retentionYears', DEFAULT_RETENTION_YEARS))),
    smsOriginationIdentity: smsIdentityOf(context<string | undefined>('smsOriginationIdentity', undefined)),
    firstAdmin: firstAdminOf(
      context<string | undefined>('adminEmail', undefined),
      context<string | undefined>('kabupaten', undefined),
    ),
  })
  // Not implied by references alone: the bucket is addressed by name.
  appStack.addStackDependency(data)
  // CloudFront's access-log delivery can only be set up in us-east-1, and it reads the app
  // stack's distribution and bucket: a stack of its own after the app (ADR 0058).
  const edgeLogs = new EdgeLogsStack(app, 'TkskEdgeLogs', {
    env: { account: env.account, region: EDGE_REGION },
    stackName: stackNameOf('TkskEdgeLogs', stage),
    description:
      'tksk-flow edge logs: CloudFront access-log delivery without query strings (us-east-1 by AWS rule)',
    crossRegionReferences: true,
    distributionArn: appStack.edge.distribution.distributionArn,
    bucketArn: appStack.edge.accessLogs.bucketArn,
  })

  const nag = new AwsSolutionsChecks(app, { verbose: true })
  Validations.of(app).addPlugins(nag)
  return { data, edge, app: appStack, edgeLogs, nag }
}
