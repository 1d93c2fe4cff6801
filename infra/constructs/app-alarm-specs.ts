/**
 * The alarms of the stateless stack's own resources (issue 17): the API, every function
 * and state machine it made, the scheduled jobs and their dead letters, the staff user
 * pool's triggers and the tables. Constructs with alarms of their own (mail delivery,
 * case starter) add theirs; this list is the rest.
 */
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { IQueue } from 'aws-cdk-lib/aws-sqs'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import {
  apiErrorRateAlarm,
  deadLetterAlarm,
  functionAlarms,
  heartbeatAlarm,
  needsAttentionAlarm,
  sesBounceRateAlarm,
  stateMachineAlarms,
  tableThrottleAlarm,
} from './alarm-specs'
import { pascalCase } from './construct-ids'
import type { ScheduledJob } from './scheduled-job'
import type { AlarmSpec } from './tksk-alarms'
import type { TkskFunction } from './tksk-function'

export interface AppAlarmSources {
  api: HttpApi
  retentionJob: ScheduledJob
  auditAnchoring: ScheduledJob
  pengesahanJob: ScheduledJob
  /** Failed daily runs of the TKSK term end (absent without the admin function). */
  staffTermEndDeadLetters?: IQueue
  /** The staff user pool's pre-token and post-authentication triggers (data stack). */
  cognitoTriggers: { staffSync: IFunction; loginAudit: IFunction }
  tables: { main: ITable; audit: ITable }
  httpFunctions: ReadonlyMap<string, TkskFunction>
  /** By workflow name. */
  stepsFunctions: ReadonlyMap<string, TkskFunction>
  stateMachines: ReadonlyMap<string, IStateMachine>
}

export const appAlarmSpecs = (sources: AppAlarmSources): AlarmSpec[] => {
  const { retentionJob, auditAnchoring, pengesahanJob, staffTermEndDeadLetters } = sources
  return [
    apiErrorRateAlarm(sources.api),
    ...functionAlarms('RetentionJob', retentionJob.fn.function, 'retentionErrors'),
    ...functionAlarms('AuditAnchoring', auditAnchoring.fn.function),
    heartbeatAlarm('AuditAnchoring', auditAnchoring.fn.function, 'anchorMissing'),
    // A failing pre-token trigger blocks every sign-in.
    ...functionAlarms('StaffSyncTrigger', sources.cognitoTriggers.staffSync, 'cognitoTriggers'),
    ...functionAlarms('LoginAuditTrigger', sources.cognitoTriggers.loginAudit, 'cognitoTriggers'),
    tableThrottleAlarm('MainTable', sources.tables.main),
    tableThrottleAlarm('AuditTable', sources.tables.audit),
    sesBounceRateAlarm(),
    needsAttentionAlarm(),
    deadLetterAlarm('Retention', retentionJob.deadLetters, 'Retention runs EventBridge gave up on'),
    ...functionAlarms('PengesahanJob', pengesahanJob.fn.function),
    deadLetterAlarm(
      'Pengesahan',
      pengesahanJob.deadLetters,
      'Pengesahan reminder runs EventBridge gave up on',
    ),
    deadLetterAlarm('AuditAnchoring', auditAnchoring.deadLetters, 'Anchor runs EventBridge gave up on'),
    ...(staffTermEndDeadLetters
      ? [
          deadLetterAlarm(
            'StaffTermEnd',
            staffTermEndDeadLetters,
            'TKSK term-end runs EventBridge gave up on',
          ),
        ]
      : []),
    // A resource and a workflow may share a name (`verval`): the steps function's alarm says so.
    ...[...sources.httpFunctions].flatMap(([name, fn]) => functionAlarms(pascalCase(name), fn.function)),
    ...[...sources.stepsFunctions].flatMap(([name, fn]) =>
      functionAlarms(`${pascalCase(name)}Steps`, fn.function),
    ),
    ...[...sources.stateMachines].flatMap(([name, stateMachine]) =>
      stateMachineAlarms(pascalCase(name), stateMachine),
    ),
  ]
}
