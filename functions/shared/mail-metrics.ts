/**
 * Mail counts as CloudWatch metrics through the embedded metric format: one log line
 * that CloudWatch turns into a datapoint, with no PutMetricData call or grant. The alarm
 * on `MailsRejected` (infra/constructs/mail-delivery.ts) reads what this writes.
 */
import { env } from './env'

export const MAIL_METRICS_NAMESPACE = 'tksk-flow/mail'
export type MailMetric = 'MailsSent' | 'MailsRejected' | 'MailsBounced' | 'MailsComplained'

export const countMail = (metric: MailMetric, at: Date): void => {
  // Locally there is no CloudWatch; the outbox item itself is the record.
  if (env.stage() === 'local') return
  console.log(
    JSON.stringify({
      _aws: {
        Timestamp: at.getTime(),
        CloudWatchMetrics: [
          { Namespace: MAIL_METRICS_NAMESPACE, Dimensions: [[]], Metrics: [{ Name: metric, Unit: 'Count' }] },
        ],
      },
      [metric]: 1,
    }),
  )
}
