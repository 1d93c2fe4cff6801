/**
 * One CloudWatch dashboard for the operator (issue 17): the state of every alarm, the
 * API's traffic and 5xx rate, the business counts the functions write
 * (functions/observability), the workflows' executions, and DynamoDB throttles.
 */
import { Duration } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  type IWidget,
  MathExpression,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import { Construct } from 'constructs'
import { METRICS_NAMESPACE } from '../../functions/observability/metric-names'
import { businessMetric } from './alarm-specs'

export interface TkskDashboardProps {
  api: HttpApi
  stateMachines: ReadonlyMap<string, IStateMachine>
  tables: ReadonlyMap<string, ITable>
  alarms: readonly IAlarm[]
}

const period = Duration.minutes(5)
const width = 8

export class TkskDashboard extends Construct {
  readonly dashboard: Dashboard

  constructor(scope: Construct, id: string, props: TkskDashboardProps) {
    super(scope, id)
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) })
    const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width, height: 6 })
    const count = (title: string, ...names: Parameters<typeof businessMetric>[0][]) =>
      graph(
        title,
        names.map((name) => businessMetric(name, { period })),
      )

    const rows: IWidget[][] = [
      [
        new TextWidget({
          markdown:
            '# tksk-flow\nEach alarm names its section of `docs/runbook.md` (## Alarms). Counts: namespace `' +
            METRICS_NAMESPACE +
            '`.',
          width: 24,
          height: 2,
        }),
      ],
      [new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 6 })],
      [
        graph('HTTP API requests and 5xx', [
          props.api.metricCount({ period, statistic: 'Sum' }),
          props.api.metricServerError({ period, statistic: 'Sum' }),
          props.api.metricClientError({ period, statistic: 'Sum' }),
        ]),
        graph('HTTP API latency p95 (ms)', [props.api.metricLatency({ period, statistic: 'p95' })]),
        count('Rate limited and PII reads', 'RateLimited', 'PiiReads'),
      ],
      [
        count('Cases filed', 'CasesFiled'),
        graph('Cases closed by outcome', [
          new MathExpression({
            expression: `SEARCH('{${METRICS_NAMESPACE},outcome,service} MetricName="CasesClosed"', 'Sum', 300)`,
            label: '',
            period,
          }),
        ]),
        count('Tasks overdue, escalations, link decisions', 'TasksOverdue', 'Escalations', 'LinkDecisions'),
        count('Workflows halted or refused a start', 'NeedsAttention', 'WorkflowStartsRefused'),
      ],
      [
        count('Verval rows applied and invalid', 'VervalRowsApplied', 'VervalRowsInvalid'),
        count('Mail', 'MailsSent', 'SmsSent', 'MailsFailed', 'MailsBounced', 'MailsComplained'),
        graph(
          'DynamoDB throttle events',
          [...props.tables].flatMap(([name, table]) => [
            table.metric('ReadThrottleEvents', { period, statistic: 'Sum', label: `${name} reads` }),
            table.metric('WriteThrottleEvents', { period, statistic: 'Sum', label: `${name} writes` }),
          ]),
        ),
      ],
      [...props.stateMachines].map(([name, stateMachine]) =>
        graph(`Workflow ${name}`, [
          stateMachine.metricStarted({ period, statistic: 'Sum' }),
          stateMachine.metricSucceeded({ period, statistic: 'Sum' }),
          stateMachine.metricFailed({ period, statistic: 'Sum' }),
          stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
          stateMachine.metricAborted({ period, statistic: 'Sum' }),
        ]),
      ),
    ]
    for (const row of rows) this.dashboard.addWidgets(...row)
  }
}
