/**
 * The mail outbox on AWS (ADR 0018). The mailer is fed by the main table's stream
 * through an event source mapping that hands it only PENDING mail items (the same filter
 * the local platform applies), with partial batch responses: a throttled send is retried
 * from that record on, in order, with SES's own client backoff inside each try. A batch
 * still failing after the retries (or older than the record age) goes to an SQS
 * dead-letter queue; a mail SES refuses for good is marked FAILED and counted. Both
 * alarm. SES's configuration set publishes bounces and complaints to a topic whose
 * handler marks the mail and the recipient's address.
 */
import { RemovalPolicy } from 'aws-cdk-lib'
import type { ITable } from 'aws-cdk-lib/aws-dynamodb'
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import { Key } from 'aws-cdk-lib/aws-kms'
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
} from 'aws-cdk-lib/aws-ses'
import { Topic } from 'aws-cdk-lib/aws-sns'
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions'
import type { Queue } from 'aws-cdk-lib/aws-sqs'
import { Construct } from 'constructs'
import { businessMetric, deadLetterAlarm, functionAlarms, streamBacklogAlarm } from './alarm-specs'
import { mailerStream } from '../../functions/triggers/mailer'
import { addStreamMapping } from './stream-mapping'
import type { TkskAlarms } from './tksk-alarms'
import { PROJECT_ROOT, TkskFunction } from './tksk-function'

export interface MailDeliveryProps {
  mainTable: ITable
  configurationSet: ConfigurationSet
  alarms: TkskAlarms
  /** Makes a function with its entry of the access table (infra/stacks/function-access.ts). */
  makeFunction: (name: string, entry: string) => TkskFunction
}

/** Names of the two functions in the access table. */
export const MAILER = 'mailer'
export const MAIL_EVENTS = 'mail-events'

export class MailDelivery extends Construct {
  readonly mailer: TkskFunction
  readonly mailEvents: TkskFunction
  readonly deadLetters: Queue
  readonly eventsTopic: Topic

  constructor(scope: Construct, id: string, props: MailDeliveryProps) {
    super(scope, id)
    this.mailer = props.makeFunction(MAILER, `${PROJECT_ROOT}/functions/triggers/mailer.ts`)
    this.deadLetters = addStreamMapping(this, this.mailer, {
      table: props.mainTable,
      settings: mailerStream,
    })

    // SES publishes to an encrypted topic only if the key lets it.
    const topicKey = new Key(this, 'EventsKey', {
      description: 'Encrypts the SES bounce and complaint events of tksk-flow mail',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    })
    topicKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey')
    this.eventsTopic = new Topic(this, 'Events', { masterKey: topicKey, enforceSSL: true })
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: props.configurationSet,
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    })
    this.mailEvents = props.makeFunction(MAIL_EVENTS, `${PROJECT_ROOT}/functions/triggers/mail-events.ts`)
    this.eventsTopic.addSubscription(new LambdaSubscription(this.mailEvents.function))

    props.alarms.add(
      ...functionAlarms('Mailer', this.mailer.function),
      streamBacklogAlarm(
        'Mailer',
        this.mailer.function,
        'Mails waiting more than ten minutes to be sent (the mailer retries a mail SES refused)',
      ),
      ...functionAlarms('MailEvents', this.mailEvents.function),
      deadLetterAlarm('Mail', this.deadLetters, 'Mail the mailer gave up on after its retries'),
      {
        id: 'MailsFailed',
        metric: businessMetric('MailsFailed'),
        summary: 'Mail SES refused for good: shown to Dinsos on /staff/surel for a resend',
        runbook: 'mailsFailed',
      },
    )
  }
}
