/**
 * CloudFront standard logging (v2) of the distribution into the log bucket (ADR 0058):
 * a CloudWatch Logs delivery source for the distribution, an S3 delivery destination and
 * the delivery between them with an explicit list of fields. Legacy logging always wrote
 * the query string, which carries the secrets of mailed links (`/t/{linkId}?k=…`) and old
 * status bookmarks' `birthDate=`; these records keep the path and never the query, the
 * cookies (the staff session) or the referrer.
 *
 * CloudWatch Logs accepts a CloudFront delivery source only in us-east-1, so this lives in
 * a stack of its own there; the bucket stays in Jakarta (standard logging v2 delivers to S3
 * in other Regions, opt-in ones included).
 */
import { CfnDelivery, CfnDeliveryDestination, CfnDeliverySource } from 'aws-cdk-lib/aws-logs'
import { Construct, type IConstruct } from 'constructs'
import { stageOf } from './stage'

/**
 * What an office needs to look into abuse and outages: when, where from (client address
 * and port, edge), what (method and path, never the query), how it ended (status, result
 * types, bytes, time), over what (protocols, TLS) and by which client software. Field names
 * as in the CloudFront developer guide, "Standard logging reference", log file fields.
 */
export const EDGE_ACCESS_LOG_FIELDS = [
  'date',
  'time',
  'x-edge-location',
  'x-edge-request-id',
  'c-ip',
  'c-port',
  'cs-method',
  'cs-uri-stem',
  'sc-status',
  'sc-bytes',
  'cs-bytes',
  'time-taken',
  'time-to-first-byte',
  'x-edge-result-type',
  'x-edge-response-result-type',
  'x-edge-detailed-result-type',
  'cs-protocol',
  'cs-protocol-version',
  'ssl-protocol',
  'ssl-cipher',
  'cs(User-Agent)',
] as const

/** The delivery source's name: stage-aware, since a name is unique per account and Region. */
const edgeAccessLogSourceName = (scope: IConstruct): string => `${stageOf(scope).namePrefix}-edge-access`

export interface EdgeAccessLogDeliveryProps {
  /** The CloudFront distribution whose requests are logged. */
  distributionArn: string
  /** The log bucket (in Jakarta): its policy lets the log delivery service write. */
  bucketArn: string
}

export class EdgeAccessLogDelivery extends Construct {
  constructor(scope: Construct, id: string, props: EdgeAccessLogDeliveryProps) {
    super(scope, id)
    const name = edgeAccessLogSourceName(this)
    const source = new CfnDeliverySource(this, 'Source', {
      name,
      logType: 'ACCESS_LOGS',
      resourceArn: props.distributionArn,
    })
    const destination = new CfnDeliveryDestination(this, 'Destination', {
      name: `${name}-s3`,
      deliveryDestinationType: 'S3',
      destinationResourceArn: props.bucketArn,
      // One JSON object per request: each value is named, so a reader never maps columns
      // by position after the field list changed.
      outputFormat: 'json',
    })
    const delivery = new CfnDelivery(this, 'Delivery', {
      deliverySourceName: name,
      deliveryDestinationArn: destination.attrArn,
      // Without a list the delivery writes every field, the query string and cookies included.
      recordFields: [...EDGE_ACCESS_LOG_FIELDS],
    })
    // The source is named, not referenced: the delivery must still wait for it.
    delivery.node.addDependency(source)
  }
}
