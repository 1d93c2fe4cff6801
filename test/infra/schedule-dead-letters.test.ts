/**
 * Every EventBridge schedule (retention, anchoring, TKSK term end) is retried by
 * EventBridge within a bounded event age and then kept in an encrypted dead-letter queue
 * of its own, so a failed nightly or hourly run is seen instead of dropped (issue 17).
 */
import { describe, expect, it } from 'vitest'
import { SCHEDULE_RETRY_ATTEMPTS } from '../../infra/constructs/scheduled-target'
import { logicalIdOf, synthesizeOnce } from './support'

const stacks = synthesizeOnce()

interface Target {
  Arn: unknown
  RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number }
  DeadLetterConfig?: { Arn?: { 'Fn::GetAtt'?: [string, string] } }
}

const scheduledRules = () =>
  Object.values(stacks.app.findResources('AWS::Events::Rule')).filter(
    (rule) => rule.Properties.ScheduleExpression !== undefined,
  ) as { Properties: { ScheduleExpression: string; Targets: Target[] } }[]

describe('the scheduled jobs on AWS', () => {
  it('are the retention job, the anchor job, the TKSK term end and the pengesahan reminders', () => {
    expect(
      scheduledRules()
        .map((rule) => rule.Properties.ScheduleExpression)
        .sort(),
    ).toEqual(['cron(0 0 * * ? *)', 'cron(0 19 * * ? *)', 'cron(1 * * * ? *)', 'cron(30 17 * * ? *)'])
  })

  it('retry each failed run within a bounded age, then keep it in a dead-letter queue of its own', () => {
    const queues = stacks.app.findResources('AWS::SQS::Queue')
    const deadLetterIds = new Set<string>()
    for (const rule of scheduledRules()) {
      for (const target of rule.Properties.Targets) {
        expect(target.RetryPolicy?.MaximumRetryAttempts).toBe(SCHEDULE_RETRY_ATTEMPTS)
        expect(target.RetryPolicy?.MaximumEventAgeInSeconds).toBeGreaterThan(0)
        const queueId = target.DeadLetterConfig?.Arn?.['Fn::GetAtt']?.[0]
        expect(queueId, `dead-letter queue of ${rule.Properties.ScheduleExpression}`).toBeDefined()
        const queue = queues[String(queueId)]
        expect(queue?.Properties).toMatchObject({
          SqsManagedSseEnabled: true,
          MessageRetentionPeriod: 1_209_600,
        })
        deadLetterIds.add(String(queueId))
      }
    }
    expect(deadLetterIds.size).toBe(4)
    expect(deadLetterIds).toContain(logicalIdOf(stacks.built.app.pengesahanJob.deadLetters))
    expect(deadLetterIds).toContain(logicalIdOf(stacks.built.app.retentionJob.deadLetters))
    expect(deadLetterIds).toContain(logicalIdOf(stacks.built.app.auditAnchoring.deadLetters))
  })

  it('let EventBridge, and only EventBridge from the schedule, send to the dead-letter queues', () => {
    const id = logicalIdOf(stacks.built.app.retentionJob.deadLetters)
    const policies = Object.values(stacks.app.findResources('AWS::SQS::QueuePolicy')).filter((policy) =>
      JSON.stringify(policy.Properties.Queues).includes(id),
    )
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as unknown[])
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'sqs:SendMessage',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': expect.anything() } },
      }),
    )
    // Plain HTTP is refused (enforceSSL).
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    )
  })
})
