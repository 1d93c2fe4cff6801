/**
 * Alarms on what the application cannot report itself (issue 17): one encrypted topic,
 * the operators' addresses subscribed from the `alarmEmails` context, and a list of
 * alarm specs (`alarm-specs.ts` builds them per function, state machine, table, queue).
 * A construct that adds a resource worth watching adds its specs; each spec names the
 * runbook section the mail sends the operator to.
 */
import { RemovalPolicy } from 'aws-cdk-lib'
import {
  Alarm,
  ComparisonOperator,
  type IAlarm,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import { Construct } from 'constructs'
import { type RunbookSection, runbookReference } from './runbook-sections'

export interface AlarmSpec {
  /** Construct id, unique in the stack: `<Resource><What>`. */
  id: string
  metric: IMetric
  /** What went wrong, in one line (the start of the mail's subject). */
  summary: string
  runbook: RunbookSection
  /** 1 by default: most watched counts must stay at zero. */
  threshold?: number
  comparison?: ComparisonOperator
  evaluationPeriods?: number
  /** Quiet is fine by default; a heartbeat's silence is not (BREACHING). */
  treatMissingData?: TreatMissingData
}

export interface TkskAlarmsProps {
  /** Subscribed to the topic; each confirms the subscription mail once. */
  emails?: readonly string[]
}

export class TkskAlarms extends Construct {
  readonly topic: Topic
  readonly alarms: IAlarm[] = []

  constructor(scope: Construct, id: string, props: TkskAlarmsProps) {
    super(scope, id)
    // A key of its own: CloudWatch must be allowed to use it, the table key keeps no such grant.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the tksk-flow alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey')
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true })
    for (const email of props.emails ?? []) this.topic.addSubscription(new EmailSubscription(email))
  }

  add(...specs: readonly AlarmSpec[]): void {
    for (const spec of specs) {
      const alarm = new Alarm(this, spec.id, {
        metric: spec.metric,
        alarmDescription: `${spec.summary}. ${runbookReference(spec.runbook)}`,
        threshold: spec.threshold ?? 1,
        evaluationPeriods: spec.evaluationPeriods ?? 1,
        comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: spec.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      })
      alarm.addAlarmAction(new SnsAction(this.topic))
      this.alarms.push(alarm)
    }
  }
}
