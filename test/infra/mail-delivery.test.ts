/**
 * The mail outbox on AWS (ADR 0018): the stream feeds only PENDING mail items to the
 * mailer with partial batch responses, retries and a dead-letter queue; refused mail and
 * dead letters alarm; bounces and complaints come back through the configuration set.
 */
import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { mailerStream } from '../../functions/triggers/mailer'
import { asArray, logicalIdOf, statementsOfRole, synthesizeOnce } from './support'

const synthesized = synthesizeOnce()

describe('the mail outbox on AWS', () => {
  it('streams the new image of every main-table item', () => {
    synthesized.data.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    })
  })

  it('feeds the mailer only pending mail, with partial batch responses, bounded retries and a dead-letter queue', () => {
    const { mailer, deadLetters } = synthesized.built.app.mailDelivery
    // The mapping is made from the settings the local feed reads too (functions/triggers/mailer.ts).
    synthesized.app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(mailer.function) },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: mailerStream.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: mailerStream.retries.attempts,
      MaximumRecordAgeInSeconds: mailerStream.retries.maxRecordAgeHours * 60 * 60,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf(deadLetters), 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(mailerStream.filter) }] },
    })
    expect(mailerStream).toMatchObject({ batchSize: 10, retries: { attempts: 500, maxRecordAgeHours: 6 } })
  })

  it('alarms on dead letters and on mail SES refused for good', () => {
    const alarms = Object.values(synthesized.app.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties,
    )
    const topic = logicalIdOf(synthesized.built.app.alarms.topic)
    const deadLetters = alarms.find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')
    expect(deadLetters?.Dimensions).toEqual([
      {
        Name: 'QueueName',
        Value: { 'Fn::GetAtt': [logicalIdOf(synthesized.built.app.mailDelivery.deadLetters), 'QueueName'] },
      },
    ])
    const rejected = alarms.find((a) => a.MetricName === 'MailsFailed')
    expect(rejected).toMatchObject({
      Namespace: 'tksk-flow',
      Dimensions: [{ Name: 'service', Value: 'tksk-flow' }],
      Threshold: 1,
      AlarmActions: [{ Ref: topic }],
    })
    expect(deadLetters?.AlarmActions).toEqual([{ Ref: topic }])
  })

  it('lets only the mailer send, from the mail identity with the configuration set every mail names', () => {
    const { app } = synthesized.built
    const senders = [
      ...app.httpFunctions.values(),
      ...app.stepsFunctions.values(),
      app.mailDelivery.mailer,
      app.mailDelivery.mailEvents,
    ].filter((fn) =>
      statementsOfRole(synthesized.app, logicalIdOf(fn.role)).some((s) =>
        asArray(s.Action).includes('ses:SendEmail'),
      ),
    )
    expect(senders).toEqual([app.mailDelivery.mailer])
    const send = statementsOfRole(synthesized.app, logicalIdOf(app.mailDelivery.mailer.role)).find((s) =>
      asArray(s.Action).includes('ses:SendEmail'),
    )
    expect(JSON.stringify(send?.Resource)).toContain('configuration-set/')
    synthesized.app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAIL_CONFIGURATION_SET: Match.anyValue() }) },
    })
  })

  it('sends bounces and complaints of the configuration set to an encrypted topic the bounce handler reads', () => {
    const { eventsTopic, mailEvents } = synthesized.built.app.mailDelivery
    synthesized.app.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint']),
        SnsDestination: { TopicARN: { Ref: logicalIdOf(eventsTopic) } },
      },
    })
    synthesized.app.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() })
    synthesized.app.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: logicalIdOf(eventsTopic) },
      Endpoint: { 'Fn::GetAtt': [logicalIdOf(mailEvents.function), 'Arn'] },
    })
  })
})
