/**
 * The case starter on AWS (ADR 0050): the main table's stream feeds it only the INSERT of a
 * new case's item, with partial batch responses, bounded retries and a dead-letter queue of
 * its own beside the mailer's mapping; its role starts the case and bansos workflows and
 * reads nothing but the stream.
 */
import { describe, expect, it } from 'vitest'
import { caseStarterStream } from '../../functions/triggers/case-starter'
import { demoWorkflow } from './fixtures/workflows'
import {
  asArray,
  defined,
  logicalIdOf,
  sharedApp,
  statementsOfRole,
  synthesizeOnce,
  templateOf,
} from './support'

const synthesized = synthesizeOnce()
const starterOf = () => defined(synthesized.built.app.caseStarter, 'the case starter')

describe('the case starter on AWS', () => {
  it('is fed only new case items from the main table’s stream, with partial batch responses, bounded retries and its own dead-letter queue', () => {
    const { starter, deadLetters } = starterOf()
    // The mapping is made from the settings the local feed reads too (functions/triggers/case-starter.ts).
    synthesized.app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalIdOf(starter.function) },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: caseStarterStream.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: caseStarterStream.retries.attempts,
      MaximumRecordAgeInSeconds: caseStarterStream.retries.maxRecordAgeHours * 60 * 60,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf(deadLetters), 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(caseStarterStream.filter) }] },
    })
    expect(caseStarterStream).toMatchObject({
      batchSize: 10,
      retries: { attempts: 100, maxRecordAgeHours: 1 },
    })
    expect(caseStarterStream.filter).toEqual({
      eventName: ['INSERT'],
      dynamodb: {
        NewImage: {
          pk: { S: [{ prefix: 'CASE#' }] },
          sk: { S: ['CASE'] },
          status: { S: ['IDENTIFICATION'] },
        },
      },
    })
    // Two mappings on the one stream: the mailer's and the case starter's.
    const streams = Object.values(synthesized.app.findResources('AWS::Lambda::EventSourceMapping')).map((m) =>
      JSON.stringify(m.Properties.EventSourceArn),
    )
    expect(streams).toHaveLength(2)
    expect(streams[0]).toContain('MainTable')
    expect(streams[0]).toContain('StreamArn')
    expect(streams[1]).toBe(streams[0])
    expect(deadLetters).not.toBe(synthesized.built.app.mailDelivery.deadLetters)
  })

  it('may start the case and bansos state machines and read the stream, nothing else', () => {
    const { app } = synthesized.built
    const statements = statementsOfRole(synthesized.app, logicalIdOf(starterOf().starter.role))
    const actions = statements.flatMap((s) => asArray(s.Action)).sort()
    const start = statements.filter((s) => asArray(s.Action).includes('states:StartExecution'))
    expect(start.flatMap((s) => asArray(s.Resource))).toEqual(
      expect.arrayContaining(
        ['case', 'bansos'].map((workflow) => ({
          Ref: logicalIdOf(defined(app.stateMachines.get(workflow), workflow)),
        })),
      ),
    )
    expect(start.flatMap((s) => asArray(s.Resource))).toHaveLength(2)
    // Beyond the start: the stream mapping's grants (reading the stream, decrypting it with the
    // table's key, its dead letters) and the function's own log stream. No item of either table.
    expect(actions).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'kms:Decrypt',
      'kms:DescribeKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
      'states:StartExecution',
    ])
  })

  it('passes the ARNs of the state machines it starts', () => {
    const { app } = synthesized.built
    const fn = synthesized.app.toJSON().Resources[logicalIdOf(starterOf().starter.function)]
    expect(fn.Properties.Environment.Variables).toMatchObject({
      CASE_STATE_MACHINE_ARN: { Ref: logicalIdOf(defined(app.stateMachines.get('case'), 'case')) },
      BANSOS_STATE_MACHINE_ARN: { Ref: logicalIdOf(defined(app.stateMachines.get('bansos'), 'bansos')) },
    })
  })

  it('alarms on its errors, a backlog of ten minutes (a refused start is a batch failure, not an error) and its dead letters', () => {
    const alarms = Object.values(synthesized.app.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties,
    )
    expect(
      alarms.find(
        (a) =>
          a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(a.Dimensions).includes(logicalIdOf(starterOf().deadLetters)),
      ),
    ).toBeDefined()
    expect(
      alarms.find(
        (a) =>
          a.MetricName === 'Errors' &&
          JSON.stringify(a.Dimensions).includes(logicalIdOf(starterOf().starter.function)),
      ),
    ).toBeDefined()
    expect(
      alarms.find(
        (a) =>
          a.MetricName === 'IteratorAge' &&
          a.Statistic === 'Maximum' &&
          a.Threshold === 600_000 &&
          JSON.stringify(a.Dimensions).includes(logicalIdOf(starterOf().starter.function)),
      ),
    ).toBeDefined()
    expect(alarms.find((a) => a.MetricName === 'WorkflowStartsRefused' && a.Threshold === 1)).toBeDefined()
  })

  it('is not made in a stack without the workflows it starts', () => {
    const demo = sharedApp({ workflows: [demoWorkflow] })
    expect(demo.app.caseStarter).toBeUndefined()
    expect(Object.keys(templateOf(demo.app).findResources('AWS::Lambda::EventSourceMapping'))).toHaveLength(1)
  })
})
