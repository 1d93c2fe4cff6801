/**
 * The daily pengesahan job (issue 21.5, ADR 0035): an EventBridge schedule invoking a
 * function of its own (functions/triggers/pengesahan-job.ts), which reminds and
 * escalates what is late against each kabupaten/kota's pengesahan day. Its role reads
 * the main table (and its indexes), puts reminder records and outbox mails, appends audit
 * entries: no update, no delete, no SES (the mailer sends).
 */
import { Duration } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { pengesahanJobStatements } from '../stacks/job-statements'
import type { GrantTargets } from './access-grants'
import { ScheduledJob } from './scheduled-job'

export interface PengesahanJobProps {
  targets: GrantTargets
  /** Variables every function shares (stage, table names, public base URL…). */
  environment: Record<string, string>
}

export class PengesahanJob extends ScheduledJob {
  constructor(scope: Construct, id: string, props: PengesahanJobProps) {
    super(scope, id, {
      handler: 'functions/triggers/pengesahan-job.ts',
      description: 'tksk-flow daily job: reminders and escalations of the verval pengesahan deadline',
      environment: { ...props.environment, POWERTOOLS_SERVICE_NAME: 'tksk-pengesahan' },
      // The mails name the kecamatan from the Kemendagri codes.
      assets: ['idn-area-data'],
      statements: pengesahanJobStatements(),
      targets: props.targets,
      schedule: {
        id: 'Daily',
        description: 'tksk-flow pengesahan deadline reminders, daily',
        // 07:00 WIB: the reminder is in the inbox when the office opens.
        cron: { minute: '0', hour: '0' },
        // A run that has not started within 6 hours is left to the next day's (each milestone is sent once).
        maxEventAge: Duration.hours(6),
      },
    })
  }
}
