/**
 * The part of the edge that AWS requires in us-east-1: the CLOUDFRONT-scoped web ACL.
 * The app stack (ap-southeast-3) holds the distribution and reads the ACL's ARN through
 * CDK's cross-region references (ADR 0012).
 */
import { Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { EdgeWebAcl, type EdgeRateLimits } from '../constructs/edge-web-acl'

export const EDGE_REGION = 'us-east-1'

export interface EdgeStackProps extends StackProps {
  rateLimits: EdgeRateLimits
}

export class EdgeStack extends Stack {
  readonly waf: EdgeWebAcl

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props)
    this.waf = new EdgeWebAcl(this, 'Waf', { rateLimits: props.rateLimits })
  }

  get webAclArn(): string {
    return this.waf.webAcl.attrArn
  }
}
