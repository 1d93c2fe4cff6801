/**
 * The alarms of issue 17 on the synthesized app stack: what each watches, how silence is
 * treated, where they publish, that every description names a section the runbook has,
 * and the operations dashboard.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUSINESS_METRICS } from '../../functions/observability/metric-names'
import { RUNBOOK_SECTIONS } from '../../infra/constructs/runbook-sections'
import { alarmEmailsOf } from '../../infra/stacks/tksk-app'
import { type Quote, quotesOf, where } from '../support/docs-text'
import { logicalIdOf, synthesizeOnce } from './support'

const stacks = synthesizeOnce({
  context: { alarmEmails: ['ops@dinsos.bogorkab.go.id', 'it@dinsos.bogorkab.go.id'] },
})

type AlarmProps = Record<string, unknown> & { AlarmDescription: string; Metrics?: unknown[] }
const alarms = (): AlarmProps[] =>
  Object.values(stacks.app.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as AlarmProps)
const alarmsNaming = (text: string) => alarms().filter((a) => JSON.stringify(a).includes(text))
const alarmOf = (fnLogicalId: string, metricName: string) =>
  alarms().filter((a) => a.MetricName === metricName && JSON.stringify(a.Dimensions).includes(fnLogicalId))

const runbookHeadings = (): string[] => {
  const runbook = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8')
  const alarmsPart = runbook.slice(runbook.indexOf('\n## Alarms\n'))
  return [...alarmsPart.matchAll(/^### (.+)$/gm)].map((match) => match[1] ?? '')
}

describe('the alarms', () => {
  it('every alarm publishes to the topic and names a runbook section that docs/runbook.md has', () => {
    const topic = logicalIdOf(stacks.built.app.alarms.topic)
    const headings = runbookHeadings()
    expect(headings.sort()).toEqual(Object.values(RUNBOOK_SECTIONS).sort())
    expect(alarms().length).toBeGreaterThan(20)
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topic }])
      const named = headings.filter((heading) => alarm.AlarmDescription.endsWith(`(${heading})`))
      expect(named, alarm.AlarmDescription).toHaveLength(1)
      expect(alarm.AlarmDescription).toMatch(/Runbook: docs\/runbook\.md#[a-z0-9-]+ \(/)
    }
  })

  /**
   * A name the runbook introduces as a count (`counted as X`, `counts as X`) is a business
   * metric; any other is quoted as an alarm and must be an alarm's id, so a metric's name
   * never stands in for an alarm the stack does not have.
   */
  it('every alarm or count the runbook quotes by name exists: an alarm of the stack or a business metric', () => {
    const ids = new Set(stacks.built.app.alarms.alarms.map((alarm) => alarm.node.id))
    const metrics = new Set<string>(BUSINESS_METRICS)
    const quoted = quotesOf('docs/runbook.md').filter((quote) =>
      /^[A-Z][A-Za-z0-9]*(Errors|Throttles|Failed|TimedOut|Aborted|Missing|DeadLetters|StreamBacklog|Refused|Rate|Attention)$/.test(
        quote.text,
      ),
    )
    const asCount = (quote: Quote) => /\bcount(?:ed|s)? as\s*$/.test(quote.before)
    const counts = quoted.filter(asCount)
    const alarmsQuoted = quoted.filter((quote) => !asCount(quote))
    expect(counts.length).toBeGreaterThanOrEqual(1)
    expect(alarmsQuoted.length).toBeGreaterThanOrEqual(3)
    expect(counts.filter((quote) => !metrics.has(quote.text)).map(where)).toEqual([])
    expect(alarmsQuoted.filter((quote) => !ids.has(quote.text)).map(where)).toEqual([])
  })

  it('mails every operator address of the alarmEmails context', () => {
    const subscriptions = Object.values(stacks.app.findResources('AWS::SNS::Subscription')).map(
      (s) => s.Properties as { Protocol: string; Endpoint: string },
    )
    expect(
      subscriptions
        .filter((s) => s.Protocol === 'email')
        .map((s) => s.Endpoint)
        .sort(),
    ).toEqual(['it@dinsos.bogorkab.go.id', 'ops@dinsos.bogorkab.go.id'])
  })

  it('takes the addresses as a list, a comma-separated -c value or the older single alarmEmail, and refuses a non-address', () => {
    expect(alarmEmailsOf(['a@x.id'], undefined)).toEqual(['a@x.id'])
    expect(alarmEmailsOf('a@x.id, b@x.id', 'b@x.id')).toEqual(['a@x.id', 'b@x.id'])
    expect(alarmEmailsOf(undefined, 'c@x.id')).toEqual(['c@x.id'])
    expect(alarmEmailsOf(undefined, undefined)).toEqual([])
    expect(() => alarmEmailsOf('operator', undefined)).toThrow(/email addresses/)
  })

  it('watches both Cognito triggers: a failing pre-token trigger blocks every sign-in', () => {
    const { staffSync, loginAudit } = stacks.built.data
    for (const trigger of [staffSync.fn, loginAudit.fn]) {
      const id = logicalIdOf(trigger.function)
      const errors = alarmOf(id, 'Errors')
      expect(errors).toHaveLength(1)
      expect(errors[0]?.AlarmDescription).toContain('(Cognito trigger errors)')
      expect(alarmOf(id, 'Throttles')).toHaveLength(1)
    }
  })

  it('treats two hours without a successful anchor run as an alarm, silence included', () => {
    const [missing, ...more] = alarms().filter((a) =>
      a.AlarmDescription.includes('(Audit anchor job missing)'),
    )
    expect(more).toEqual([])
    expect(missing).toMatchObject({
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 2,
      TreatMissingData: 'breaching',
    })
    const metrics = JSON.stringify(missing?.Metrics)
    expect(metrics).toContain('"MetricName":"Invocations"')
    expect(metrics).toContain('"Period":3600')
    expect(metrics).toContain(logicalIdOf(stacks.built.app.auditAnchoring.fn.function))
  })

  it('sends the retention job’s errors to its own runbook section', () => {
    const errors = alarmOf(logicalIdOf(stacks.built.app.retentionJob.fn.function), 'Errors')
    expect(errors.map((a) => a.AlarmDescription)).toEqual([expect.stringContaining('(Retention job errors)')])
  })

  it('alarms on failed, timed-out and aborted executions of every state machine', () => {
    for (const [, stateMachine] of stacks.built.app.stateMachines) {
      const id = logicalIdOf(stateMachine)
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])
        expect(alarmOf(id, metric), metric).toHaveLength(1)
    }
    expect(stacks.built.app.stateMachines.size).toBeGreaterThan(0)
  })

  it('alarms on throttled reads or writes of both tables', () => {
    const throttles = alarmsNaming('WriteThrottleEvents')
    expect(throttles).toHaveLength(2)
    for (const alarm of throttles) expect(JSON.stringify(alarm.Metrics)).toContain('ReadThrottleEvents')
  })

  it('alarms on a 5xx rate of 1 % of the API’s answers, not on a count', () => {
    const [rate] = alarmsNaming('"MetricName":"5xx"')
    expect(rate).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' })
    expect(JSON.stringify(rate?.Metrics)).toContain('100 * errors / requests')
    expect(JSON.stringify(rate?.Metrics)).toContain('"MetricName":"Count"')
  })

  it('alarms on the SES bounce rate at 5 % and on any dead letter of any queue', () => {
    const [bounce] = alarms().filter((a) => a.MetricName === 'Reputation.BounceRate')
    expect(bounce).toMatchObject({ Namespace: 'AWS/SES', Threshold: 0.05 })
    const deadLetters = alarms().filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')
    // Every queue of the stack is a dead-letter queue (the mailer's, each schedule's): each alarms.
    const queues = Object.keys(stacks.app.findResources('AWS::SQS::Queue'))
    expect(queues.length).toBeGreaterThanOrEqual(4)
    expect(deadLetters.map((a) => JSON.stringify(a.Dimensions)).sort()).toEqual(
      queues
        .map((id) => JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]))
        .sort(),
    )
    for (const alarm of deadLetters) expect(alarm.AlarmDescription).toContain('(Dead letters)')
  })

  it('alarms as soon as any case or verval batch is marked NEEDS_ATTENTION, naming its runbook section', () => {
    const [attention, ...more] = alarms().filter((a) => a.MetricName === 'NeedsAttention')
    expect(more).toEqual([])
    expect(attention).toMatchObject({
      Namespace: 'tksk-flow',
      Dimensions: [{ Name: 'service', Value: 'tksk-flow' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
    })
    expect(attention?.AlarmDescription).toContain('docs/runbook.md#needs-attention (Needs attention)')
  })
})

describe('the operations dashboard', () => {
  it('shows every alarm’s state and every business count the functions write', () => {
    const [dashboard, ...others] = Object.values(stacks.app.findResources('AWS::CloudWatch::Dashboard'))
    expect(others).toEqual([])
    const body = JSON.stringify(dashboard?.Properties)
    for (const name of BUSINESS_METRICS) expect(body, name).toContain(name)
    for (const alarm of stacks.built.app.alarms.alarms) expect(body).toContain(logicalIdOf(alarm))
  })
})
