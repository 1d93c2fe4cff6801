/**
 * The admin function also ends TKSK terms by date (issue 13), daily at 00:30 WIB: it
 * holds the Cognito admin grant, so no second function needs it.
 */
import { Duration } from 'aws-cdk-lib'
import { Rule, Schedule } from 'aws-cdk-lib/aws-events'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import type { Construct } from 'constructs'
import { scheduledTarget } from './scheduled-target'

/** The daily rule invoking the admin function; returns the queue of runs EventBridge gave up on. */
export const staffTermEndSchedule = (scope: Construct, admin: IFunction): Queue => {
  const { target, deadLetters } = scheduledTarget(scope, 'StaffTermEnd', admin, Duration.hours(6))
  new Rule(scope, 'StaffTermEnd', {
    description: 'tksk-flow: deactivates TKSK whose SK penugasan ended',
    schedule: Schedule.cron({ minute: '30', hour: '17' }),
    targets: [target],
  })
  return deadLetters
}
