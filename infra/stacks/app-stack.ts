/**
 * The stateless stack (DESIGN §2 AWS): functions, HTTP API, state machines, alarms.
 * Everything here is derived from data: the route table decides which functions exist
 * and how they are routed, the workflow manifest which state machines exist, and the
 * access table what each function may touch. Nothing here holds data; it can be
 * destroyed and redeployed.
 */
import { Fn, Stack, type StackProps } from 'aws-cdk-lib'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Bucket } from 'aws-cdk-lib/aws-s3'
import { ConfigurationSet } from 'aws-cdk-lib/aws-ses'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import type { Construct } from 'constructs'
import { DEFAULT_RETENTION_YEARS } from '../../functions/core/retention/retention-rule'
import { auditTable, mainTable } from '../../functions/data/table-definitions'
import { defaultRouteResource, deployedRoutes, type Resource } from '../../functions/http/routes'
import { type WorkflowDefinition, workflows as workflowManifest } from '../../workflows/workflows'
import type { GrantTargets } from '../constructs/access-grants'
import { appAlarmSpecs } from '../constructs/app-alarm-specs'
import { anchorBucketName } from '../constructs/audit-anchor-bucket'
import { RetentionJob } from '../constructs/retention-job'
import { AuditAnchoring } from '../constructs/audit-anchoring'
import { PengesahanJob } from '../constructs/pengesahan-job'
import { FirstAdminInvitation } from '../constructs/first-admin-invitation'
import { CaseStarter } from '../constructs/case-starter'
import { pascalCase } from '../constructs/construct-ids'
import { functionFactory } from '../constructs/function-factory'
import { MailDelivery } from '../constructs/mail-delivery'
import { staffHostedUiClient } from '../constructs/staff-hosted-ui-client'
import { staffTermEndSchedule } from '../constructs/staff-term-end'
import { VervalUploadBucket } from '../constructs/verval-upload-bucket'
import { TkskAlarms } from '../constructs/tksk-alarms'
import { TkskDashboard } from '../constructs/tksk-dashboard'
import { PROJECT_ROOT, type TkskFunction } from '../constructs/tksk-function'
import { type EdgeDomain, TkskEdge } from '../constructs/tksk-edge'
import { type Throttle, TkskHttpApi } from '../constructs/tksk-http-api'
import { WorkflowStateMachine } from '../constructs/workflow-state-machine'
import type { DataStack } from './data-stack'
import { type FunctionAccess, functionAccess, stepsFunctionName } from './function-access'

export interface AppStackProps extends StackProps {
  data: DataStack
  /** The workflow manifest; infra tests pass a fixture. */
  workflows?: readonly WorkflowDefinition[]
  /** The access table; infra tests pass one that exercises every kind of grant. */
  access?: Readonly<Record<string, FunctionAccess>>
  /**
   * Public URL used in links and as the login callback; by default the edge's: the custom
   * domain when one is given, else the CloudFront distribution's own name.
   */
  publicBaseUrl?: string
  rateLimitPerMinute: number
  throttle: Throttle
  /** Each public route's own gateway throttle (intake, status, link posts). */
  publicRouteThrottle: Throttle
  /** The us-east-1 web ACL of the edge stack (ADR 0012). */
  webAclArn: string
  /** Custom domain and its us-east-1 certificate; the distribution's own name when absent. */
  domain?: EdgeDomain
  /** Reserved concurrency per function (function-concurrency.ts); on by default. */
  reserveConcurrency?: boolean
  /** Operators subscribed to the alarm topic (context `alarmEmails`). */
  alarmEmails?: readonly string[]
  /** Staff task links also need the recipient's session (DESIGN §5); off by default. */
  linkRequiresLogin?: boolean
  /** Years after closing before a case's PII is anonymised (DESIGN §5, ADR 0006); 5 by default. */
  retentionYears?: number
  /**
   * Context `smsOriginationIdentity`: the ARN of the End User Messaging SMS phone number,
   * sender ID or pool residents' SMS are sent from (ADR 0028); without it none is written.
   */
  smsOriginationIdentity?: string
  /** Context `adminEmail` + `kabupaten`: the first admin, invited on deploy (issue 13, ADR 0015). */
  firstAdmin?: { email: string; kabupaten: string }
}

export class AppStack extends Stack {
  readonly httpApi: TkskHttpApi
  readonly edge: TkskEdge
  readonly httpFunctions = new Map<Resource, TkskFunction>()
  readonly stepsFunctions = new Map<string, TkskFunction>()
  readonly stateMachines = new Map<string, IStateMachine>()
  readonly retentionJob: RetentionJob
  readonly pengesahanJob: PengesahanJob
  /** Failed daily runs of the TKSK term end (undefined without the admin function). */
  readonly staffTermEndDeadLetters?: Queue
  readonly auditAnchoring: AuditAnchoring
  readonly mailDelivery: MailDelivery
  /** Starts new cases' workflows from the stream (ADR 0050); undefined without the case and bansos workflows. */
  readonly caseStarter?: CaseStarter
  readonly alarms: TkskAlarms
  readonly dashboard: TkskDashboard
  readonly vervalUploads: VervalUploadBucket

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props)
    const { data } = props

    this.httpApi = new TkskHttpApi(this, 'Http', {
      throttle: props.throttle,
      publicRouteThrottle: props.publicRouteThrottle,
    })
    this.edge = new TkskEdge(this, 'Edge', {
      api: this.httpApi.api,
      webAclArn: props.webAclArn,
      domain: props.domain,
    })
    const publicBaseUrl = props.publicBaseUrl ?? this.edge.baseUrl
    const staffClient = staffHostedUiClient(this, 'StaffClient', {
      userPool: data.staff.userPool,
      publicBaseUrl,
    })

    this.vervalUploads = new VervalUploadBucket(this, 'VervalUploads', {
      allowedOrigin: Fn.join('', ['https://', Fn.select(2, Fn.split('/', publicBaseUrl))]),
    })
    // Every mail is sent with it, so bounces and complaints come back (ADR 0018).
    const mailConfigurationSet = new ConfigurationSet(this, 'MailEvents', {})
    const sharedEnvironment: Record<string, string> = {
      STAGE: 'aws',
      MAIN_TABLE_NAME: data.mainTable.tableName,
      AUDIT_TABLE_NAME: data.auditTable.tableName,
      PUBLIC_BASE_URL: publicBaseUrl,
      EDGE_ORIGIN_SECRET: this.edge.originSecret.unsafeUnwrap(),
      MAIL_FROM: `tksk-flow <no-reply@${data.mailDomain}>`,
      MAIL_CONFIGURATION_SET: mailConfigurationSet.configurationSetName,
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: data.staff.userPool.userPoolId,
      COGNITO_CLIENT_ID: staffClient.userPoolClientId,
      COGNITO_DOMAIN: data.staff.domain.baseUrl(),
      RATE_LIMIT_PER_MINUTE: String(props.rateLimitPerMinute),
      LINK_REQUIRES_LOGIN: String(props.linkRequiresLogin ?? false),
      // Every function that changes a case writes its SMS; the mailer sends them.
      ...(props.smsOriginationIdentity ? { SMS_ORIGINATION_IDENTITY: props.smsOriginationIdentity } : {}),
    }
    const targets: GrantTargets = {
      main: { table: data.mainTable, definition: mainTable },
      audit: { table: data.auditTable, definition: auditTable },
      tableKey: data.tableKey,
      mailIdentity: data.mailIdentity,
      mailConfigurationSet,
      ...(props.smsOriginationIdentity ? { smsOriginationIdentity: props.smsOriginationIdentity } : {}),
      anchorBucket: Bucket.fromBucketName(this, 'AuditAnchors', anchorBucketName(this)),
      nikPepper: { secret: data.nikPepper.secret, key: data.nikPepper.key },
      staffUserPool: data.staff.userPool,
      vervalUploads: { bucket: this.vervalUploads.bucket, key: this.vervalUploads.key },
      stateMachines: this.stateMachines,
      workflowsByName: new Set((props.workflows ?? workflowManifest).map((workflow) => workflow.name)),
    }
    const makeFunction = functionFactory(this, {
      sharedEnvironment,
      access: props.access ?? functionAccess,
      targets,
      vervalUploadBucket: this.vervalUploads.bucket,
      reserveConcurrency: props.reserveConcurrency !== false,
    })

    // Workflows first: the HTTP functions receive their ARNs.
    for (const workflow of props.workflows ?? workflowManifest) {
      const steps = makeFunction(stepsFunctionName(workflow.name), 'steps', workflow.stepsEntry)
      const { stateMachine } = new WorkflowStateMachine(this, `${pascalCase(workflow.name)}Workflow`, {
        workflow,
        steps: steps.function,
      })
      this.stepsFunctions.set(workflow.name, steps)
      this.stateMachines.set(workflow.name, stateMachine)
    }

    // One function per resource with at least one deployed route (`dev` never is).
    const routes = deployedRoutes()
    const routedResources = new Set<Resource>([
      ...routes.map((route) => route.resource),
      defaultRouteResource,
    ])
    for (const resource of routedResources) {
      const entry = `${PROJECT_ROOT}/functions/http/${resource}/handler.ts`
      this.httpFunctions.set(resource, makeFunction(resource, 'http', entry))
    }
    this.httpApi.route({
      routes,
      defaultRouteResource,
      functions: new Map<Resource, IFunction>(
        [...this.httpFunctions].map(([name, fn]) => [name, fn.function]),
      ),
    })

    const admin = this.httpFunctions.get('admin')
    if (admin) {
      this.staffTermEndDeadLetters = staffTermEndSchedule(this, admin.function)
      if (props.firstAdmin)
        new FirstAdminInvitation(this, 'FirstAdmin', { admin: admin.function, ...props.firstAdmin })
    }

    this.retentionJob = new RetentionJob(this, 'Retention', {
      targets,
      retentionYears: props.retentionYears ?? DEFAULT_RETENTION_YEARS,
    })

    this.auditAnchoring = new AuditAnchoring(this, 'AuditAnchoring', {
      targets,
      environment: sharedEnvironment,
    })

    this.pengesahanJob = new PengesahanJob(this, 'Pengesahan', { targets, environment: sharedEnvironment })

    const alarms = new TkskAlarms(this, 'Alarms', { emails: props.alarmEmails })
    this.alarms = alarms
    this.mailDelivery = new MailDelivery(this, 'Mail', {
      mainTable: data.mainTable,
      configurationSet: mailConfigurationSet,
      alarms,
      makeFunction: (name, entry) => makeFunction(name, 'steps', entry),
    })
    // Only a stack that runs the workflows it starts has it (the infra tests' demo stacks do not).
    if (this.stateMachines.has('case') || this.stateMachines.has('bansos'))
      this.caseStarter = new CaseStarter(this, 'CaseStarter', {
        mainTable: data.mainTable,
        alarms,
        makeFunction: (name, entry) => makeFunction(name, 'steps', entry),
      })
    alarms.add(
      ...appAlarmSpecs({
        api: this.httpApi.api,
        retentionJob: this.retentionJob,
        auditAnchoring: this.auditAnchoring,
        pengesahanJob: this.pengesahanJob,
        staffTermEndDeadLetters: this.staffTermEndDeadLetters,
        cognitoTriggers: { staffSync: data.staffSync.fn.function, loginAudit: data.loginAudit.fn.function },
        tables: { main: data.mainTable, audit: data.auditTable },
        httpFunctions: this.httpFunctions,
        stepsFunctions: this.stepsFunctions,
        stateMachines: this.stateMachines,
      }),
    )
    this.dashboard = new TkskDashboard(this, 'Operations', {
      api: this.httpApi.api,
      stateMachines: this.stateMachines,
      tables: new Map([
        ['main', data.mainTable],
        ['audit', data.auditTable],
      ]),
      alarms: alarms.alarms,
    })
  }
}
