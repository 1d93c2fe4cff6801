/**
 * Alarms on what the application cannot report itself: a crashed function, a failed
 * execution, 5xx answers. They publish to one encrypted topic; subscribe the operators'
 * address with the `alarmEmail` context.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch'
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions'
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import { Construct } from 'constructs'

export interface TkskAlarmsProps {
  email?: string
}

const period = Duration.minutes(5)

export class TkskAlarms extends Construct {
  readonly topic: Topic

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
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email))
  }

  /** Unhandled errors only: the middleware turns handled ones into 4xx/500 answers (see `watchApi`). */
  watchFunction(id: string, fn: IFunction): void {
    this.alarm(`${id}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `Errors of ${id}`)
  }

  watchStateMachine(id: string, stateMachine: IStateMachine): void {
    this.alarm(
      `${id}Failed`,
      stateMachine.metricFailed({ period, statistic: 'Sum' }),
      `Failed executions of ${id}`,
    )
  }

  watchApi(api: HttpApi): void {
    this.alarm('Api5xx', api.metricServerError({ period, statistic: 'Sum' }), 'HTTP API 5xx answers')
  }

  /** Any other count that must stay at zero (dead letters, refused mail). */
  watch(id: string, metric: Metric, description: string): void {
    this.alarm(id, metric, description)
  }

  private alarm(id: string, metric: Metric, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    })
    alarm.addAlarmAction(new SnsAction(this.topic))
  }
}
