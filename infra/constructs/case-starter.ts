/**
 * The case starter on AWS (ADR 0050): a new case's workflow is started from the case
 * item's INSERT on the main table's stream, not on the intake's answer path. Its own event
 * source mapping (filter, partial batch responses, retries, dead-letter queue) beside the
 * mailer's on the same stream; its role starts the case and bansos state machines and reads
 * nothing else (the stream read is the mapping's grant). Errors, a backlog and dead letters alarm; a
 * start lost for good is made by the case's next read (the start-once policy).
 */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { caseStarterStream } from '../../functions/triggers/case-starter'
import { CASE_STARTER } from '../stacks/function-access'
import { businessMetric, deadLetterAlarm, functionAlarms, streamBacklogAlarm } from './alarm-specs'
import { addStreamMapping } from './stream-mapping'
import type { TkskAlarms } from './tksk-alarms'
import { PROJECT_ROOT, type TkskFunction } from './tksk-function'

export interface CaseStarterProps {
  mainTable: ITable
  alarms: TkskAlarms
  /** Makes a function with its entry of the access table (infra/stacks/function-access.ts). */
  makeFunction: (name: string, entry: string) => TkskFunction
}

export class CaseStarter extends Construct {
  readonly starter: TkskFunction
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: CaseStarterProps) {
    super(scope, id)
    this.starter = props.makeFunction(CASE_STARTER, `${PROJECT_ROOT}/functions/triggers/case-starter.ts`)
    this.deadLetters = addStreamMapping(this, this.starter, {
      table: props.mainTable,
      settings: caseStarterStream,
    })
    props.alarms.add(
      ...functionAlarms('CaseStarter', this.starter.function),
      streamBacklogAlarm(
        'CaseStarter',
        this.starter.function,
        'New cases waiting more than ten minutes for their workflow (the case starter retries a start Step Functions refused)',
      ),
      {
        id: 'CaseStartsRefused',
        metric: businessMetric('WorkflowStartsRefused'),
        summary:
          'New cases whose workflow Step Functions refused to start (a grant or state machine missing)',
        runbook: 'streamBacklog',
      },
      deadLetterAlarm(
        'CaseStarter',
        this.deadLetters,
        'New cases whose workflow the case starter could not start after its retries (each case’s next read starts it)',
      ),
    )
  }
}
