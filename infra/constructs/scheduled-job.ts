/**
 * A job on AWS run by an EventBridge schedule (the hourly anchoring, the daily retention
 * and pengesahan jobs): a function of its own with only its statements
 * (job-statements.ts), the schedule's rule, and the target's dead-letter queue
 * (scheduled-target.ts). Each job is a subclass naming its handler, statements and cron.
 */
import type { Duration } from 'aws-cdk-lib'
import { type CronOptions, Rule, Schedule } from 'aws-cdk-lib/aws-events'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import type { StatementData } from '../stacks/statement-data'
import { type GrantTargets, grantStatements } from './access-grants'
import { scheduledTarget } from './scheduled-target'
import { PROJECT_ROOT, TkskFunction, type TkskFunctionProps } from './tksk-function'

export interface ScheduledJobProps extends Pick<TkskFunctionProps, 'description' | 'environment' | 'assets'> {
  /** The handler module, from the project root (`functions/triggers/…`). */
  handler: string
  statements: readonly StatementData[]
  targets: GrantTargets
  schedule: {
    /** The rule's construct id, which its target's queue is named after ('Hourly', 'Daily'). */
    id: string
    description: string
    cron: CronOptions
    /** A run that cannot start within it is left to the next scheduled run (scheduled-target.ts). */
    maxEventAge: Duration
  }
}

export class ScheduledJob extends Construct {
  readonly fn: TkskFunction
  readonly rule: Rule
  /** Scheduled runs that failed after EventBridge's retries. */
  readonly deadLetters: Queue

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id)
    this.fn = new TkskFunction(this, 'Job', {
      entry: `${PROJECT_ROOT}/${props.handler}`,
      kind: 'job',
      description: props.description,
      environment: props.environment,
      ...(props.assets ? { assets: props.assets } : {}),
    })
    grantStatements(this.fn.role, props.statements, props.targets)
    const { schedule } = props
    const { target, deadLetters } = scheduledTarget(this, schedule.id, this.fn.function, schedule.maxEventAge)
    this.deadLetters = deadLetters
    this.rule = new Rule(this, schedule.id, {
      description: schedule.description,
      schedule: Schedule.cron(schedule.cron),
      targets: [target],
    })
  }
}
