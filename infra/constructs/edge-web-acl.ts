/**
 * The AWS WAF web ACL in front of CloudFront (issue 18 point 7): AWS's managed common
 * rules, known bad inputs and IP reputation list, a rate limit per client IP on every
 * request and a stricter one on the public paths a flood or an enumeration would use
 * (intake, status, emailed links, letter verification). A CLOUDFRONT-scoped ACL exists
 * only in us-east-1, so this construct lives in the edge stack (ADR 0012).
 */
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2'
import { Construct } from 'constructs'

export interface EdgeRateLimits {
  /** Requests per client IP in 5 minutes, any path. */
  perIp: number
  /** Requests per client IP in 5 minutes on the public paths below. */
  publicPathsPerIp: number
}

/**
 * Paths residents and link holders reach without an account: page and API intake,
 * status, task and verval links, letter verification. WAF matches on the path's start.
 */
export const STRICT_PATH_PREFIXES = [
  '/api/cases/status',
  '/status',
  '/t/',
  '/verval/keputusan/',
  '/v/',
] as const
/** Intake: POST only (the form's GET is the home page). */
export const INTAKE_PATHS = ['/api/cases', '/'] as const

/**
 * Managed rules that would refuse what the contract accepts (DESIGN §4): a resident's
 * description may contain `<script>` (every view escapes it) and a verval upload is up
 * to 5 MiB. They count instead of block; the application enforces both.
 */
const COUNTED_COMMON_RULES = ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY'] as const

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
})

const managed = (
  priority: number,
  name: string,
  counted: readonly string[] = [],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ruleActionOverrides: counted.map((rule) => ({ name: rule, actionToUse: { count: {} } })),
    },
  },
  visibilityConfig: visibility(name),
})

const pathStarts = (prefix: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: prefix === '/' ? 'EXACTLY' : 'STARTS_WITH',
    searchString: prefix,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
})

const intakePosts: CfnWebACL.StatementProperty = {
  andStatement: {
    statements: [
      {
        byteMatchStatement: {
          fieldToMatch: { method: {} },
          positionalConstraint: 'EXACTLY',
          searchString: 'POST',
          textTransformations: [{ priority: 0, type: 'NONE' }],
        },
      },
      {
        orStatement: {
          statements: INTAKE_PATHS.map((path) => ({
            byteMatchStatement: {
              fieldToMatch: { uriPath: {} },
              positionalConstraint: 'EXACTLY',
              searchString: path,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          })),
        },
      },
    ],
  },
}

const rateRule = (
  priority: number,
  name: string,
  limit: number,
  scopeDownStatement?: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: { block: { customResponse: { responseCode: 429 } } },
  statement: {
    rateBasedStatement: {
      aggregateKeyType: 'IP',
      evaluationWindowSec: 300,
      limit,
      ...(scopeDownStatement ? { scopeDownStatement } : {}),
    },
  },
  visibilityConfig: visibility(name),
})

export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL

  constructor(scope: Construct, id: string, props: { rateLimits: EdgeRateLimits }) {
    super(scope, id)
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'tksk-flow: managed rules and per-IP rate limits in front of the public site and API',
      visibilityConfig: visibility('tksk-flow-edge'),
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList'),
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(2, 'AWSManagedRulesCommonRuleSet', COUNTED_COMMON_RULES),
        rateRule(3, 'PublicPathsPerIp', props.rateLimits.publicPathsPerIp, {
          orStatement: { statements: [...STRICT_PATH_PREFIXES.map(pathStarts), intakePosts] },
        }),
        rateRule(4, 'AnyPathPerIp', props.rateLimits.perIp),
      ],
    })
  }
}
