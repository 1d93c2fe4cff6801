/**
 * The CloudFront access-log delivery (standard logging v2, ADR 0058), in us-east-1 because
 * CloudWatch Logs takes a CloudFront delivery source only there. It reads the distribution
 * and the log bucket of the app stack (Jakarta) through cross-region references, so it is
 * created after the app stack; the edge stack cannot hold it, since the app stack already
 * reads the web ACL from there and a reference back would be a cycle.
 */
import { Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import {
  EdgeAccessLogDelivery,
  type EdgeAccessLogDeliveryProps,
} from '../constructs/edge-access-log-delivery'

export type EdgeLogsStackProps = StackProps & EdgeAccessLogDeliveryProps

export class EdgeLogsStack extends Stack {
  readonly accessLogs: EdgeAccessLogDelivery

  constructor(scope: Construct, id: string, props: EdgeLogsStackProps) {
    super(scope, id, props)
    this.accessLogs = new EdgeAccessLogDelivery(this, 'AccessLogs', {
      distributionArn: props.distributionArn,
      bucketArn: props.bucketArn,
    })
  }
}
