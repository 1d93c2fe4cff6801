/**
 * The edge in front of the HTTP API (issue 18 point 7, ADR 0012): WAF in us-east-1,
 * CloudFront with the custom domain and HSTS, per-route throttles, reserved concurrency,
 * and a Cognito app client that only the hosted UI can use.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { deployedRoutes } from '../../functions/http/routes'
import { EDGE_SECRET_HEADER } from '../../functions/http/runtime/edge-origin'
import { STRICT_PATH_PREFIXES } from '../../infra/constructs/edge-web-acl'
import { PUBLIC_FACING_CONCURRENCY, STAFF_CONCURRENCY } from '../../infra/stacks/function-concurrency'
import { demoWorkflow } from './fixtures/workflows'
import { defined, logicalIdOf, type Statement, synthesizeOnce } from './support'

const DOMAIN = 'layanan.dinsos.bogorkab.go.id'
const CERTIFICATE = 'arn:aws:acm:us-east-1:111122223333:certificate/0f4b7d8e-1111-2222-3333-444455556666'

const stacks = synthesizeOnce({
  workflows: [demoWorkflow],
  context: { domainName: DOMAIN, certificateArn: CERTIFICATE },
})

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>
/** The value at a path of template JSON (undefined where the path ends early). */
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value)
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const only = (resources: Resources) => {
  const values = Object.values(resources)
  expect(values).toHaveLength(1)
  return defined(values[0], 'the resource').Properties
}

describe('the web ACL, in us-east-1 as CloudFront requires', () => {
  const webAcl = () =>
    only(stacks.edge.findResources('AWS::WAFv2::WebACL') as Resources) as {
      Scope: string
      DefaultAction: unknown
      Rules: { Name: string; Action?: unknown; Statement: Record<string, unknown> }[]
    }

  it('lives in a us-east-1 stack and is scoped to CloudFront', () => {
    expect(stacks.built.edge.region).toBe('us-east-1')
    expect(webAcl().Scope).toBe('CLOUDFRONT')
  })

  it('runs the managed IP reputation, known bad inputs and common rules, counting only what the contract allows (<script> in a description, 5 MiB uploads)', () => {
    const managed = webAcl()
      .Rules.map((rule) => rule.Statement.ManagedRuleGroupStatement)
      .filter((group) => group !== undefined)
    expect(managed.map((group) => at(group, 'Name'))).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ])
    const overrides = list(at(managed[2], 'RuleActionOverrides'))
    expect(overrides.map((override) => at(override, 'Name')).sort()).toEqual([
      'CrossSiteScripting_BODY',
      'SizeRestrictions_BODY',
    ])
  })

  it('blocks a flood per client IP, with a stricter limit on intake, status, links and letter checks', () => {
    const rate = webAcl().Rules.filter((rule) => rule.Statement.RateBasedStatement)
    const [strict, any] = rate.map((rule) => rule.Statement.RateBasedStatement)
    expect(rate.map((rule) => at(rule.Statement, 'RateBasedStatement', 'AggregateKeyType'))).toEqual([
      'IP',
      'IP',
    ])
    expect(Number(at(strict, 'Limit'))).toBeLessThan(Number(at(any, 'Limit')))
    expect(at(any, 'ScopeDownStatement')).toBeUndefined()
    const scoped = JSON.stringify(at(strict, 'ScopeDownStatement'))
    for (const prefix of STRICT_PATH_PREFIXES) expect(scoped).toContain(`"SearchString":"${prefix}"`)
    expect(scoped).toContain('"SearchString":"/api/cases"')
    for (const rule of rate) expect(rule.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } })
  })
})

describe('CloudFront in front of the HTTP API', () => {
  const distribution = () =>
    only(stacks.app.findResources('AWS::CloudFront::Distribution') as Resources).DistributionConfig

  it('serves the custom domain with its us-east-1 certificate, TLS 1.2 or newer, the edge stack’s web ACL attached', () => {
    const config = distribution()
    expect(at(config, 'Aliases')).toEqual([DOMAIN])
    expect(at(config, 'ViewerCertificate')).toMatchObject({
      AcmCertificateArn: CERTIFICATE,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    })
    expect(JSON.stringify(at(config, 'WebACLId'))).toMatch(/WebAcl|ExportsReader/)
  })

  it('forwards to the API over HTTPS only, caches nothing, and marks each request with the origin secret the handlers require', () => {
    const config = distribution()
    const origin = at(config, 'Origins', 0)
    expect(at(origin, 'CustomOriginConfig')).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    })
    expect(list(at(origin, 'OriginCustomHeaders')).map((header) => at(header, 'HeaderName'))).toEqual([
      EDGE_SECRET_HEADER,
    ])
    expect(at(config, 'DefaultCacheBehavior')).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      // Managed CachingDisabled and AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    })
  })

  it('adds HSTS to every answer, CloudFront’s and the WAF’s included', () => {
    stacks.app.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 31_536_000,
            IncludeSubdomains: true,
          }),
        },
      },
    })
  })

  it('puts the custom domain in every mailed link and gives the functions the origin secret', () => {
    const functions = Object.values(stacks.app.findResources('AWS::Lambda::Function') as Resources)
    const environments = functions
      .map(
        (fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables,
      )
      .filter((variables) => variables?.PUBLIC_BASE_URL !== undefined)
    expect(environments.length).toBeGreaterThan(3)
    for (const variables of environments) {
      expect(variables?.PUBLIC_BASE_URL).toBe(`https://${DOMAIN}`)
      expect(JSON.stringify(variables?.EDGE_ORIGIN_SECRET)).toContain('resolve:secretsmanager')
    }
  })
})

describe('the access logs of CloudFront (standard logging v2, ADR 0058)', () => {
  const one = (template: Template, type: string) => only(template.findResources(type) as Resources)
  const distributionId = () => Object.keys(stacks.app.findResources('AWS::CloudFront::Distribution'))[0]
  const bucketId = () => logicalIdOf(stacks.built.app.edge.accessLogs)
  /** An output of the app stack read by the us-east-1 logs stack: its name spells the logical id it publishes. */
  const appOutput = (value: unknown): string => {
    const output = JSON.stringify(value).match(
      /"StackName":"([^"]+)","Region":"([^"]+)","OutputName":"([^"]+)"/,
    )
    expect(output?.[1]).toBe(stacks.built.app.stackName)
    expect(output?.[2]).toBe('ap-southeast-3')
    return defined(output?.[3], 'the output name')
  }

  it('no longer uses legacy logging, which writes every query string', () => {
    expect(
      at(
        only(stacks.app.findResources('AWS::CloudFront::Distribution') as Resources),
        'DistributionConfig',
        'Logging',
      ),
    ).toBeUndefined()
  })

  it('sets the delivery up in us-east-1, the only Region CloudWatch Logs takes a CloudFront source in, with the distribution as its source', () => {
    expect(stacks.built.edgeLogs.region).toBe('us-east-1')
    // Created after the app stack, whose outputs it reads.
    expect(stacks.built.edgeLogs.dependencies).toContain(stacks.built.app)
    const source = one(stacks.edgeLogs, 'AWS::Logs::DeliverySource')
    expect(source.LogType).toBe('ACCESS_LOGS')
    const arn = JSON.stringify(source.ResourceArn)
    expect(arn).toContain('arn:aws:cloudfront::')
    expect(arn).toContain(':distribution/')
    expect(appOutput(source.ResourceArn)).toContain(`Ref${defined(distributionId(), 'the distribution')}`)
  })

  it('delivers the path, never the query string, the cookies or the referrer', () => {
    const delivery = one(stacks.edgeLogs, 'AWS::Logs::Delivery')
    const fields = list(delivery.RecordFields)
    // Without a list the delivery would write every field.
    expect(fields.length).toBeGreaterThan(0)
    for (const forbidden of ['cs-uri-query', 'cs(Cookie)', 'cs(Referer)'])
      expect(fields).not.toContain(forbidden)
    for (const needed of ['c-ip', 'cs-uri-stem', 'sc-status', 'date', 'time'])
      expect(fields).toContain(needed)
    expect(delivery.DeliverySourceName).toBe(one(stacks.edgeLogs, 'AWS::Logs::DeliverySource').Name)
    const destinationId = Object.keys(stacks.edgeLogs.findResources('AWS::Logs::DeliveryDestination'))[0]
    expect(delivery.DeliveryDestinationArn).toEqual({ 'Fn::GetAtt': [destinationId, 'Arn'] })
  })

  it('writes into the log bucket of the app stack, in Jakarta', () => {
    const destination = one(stacks.edgeLogs, 'AWS::Logs::DeliveryDestination')
    expect(destination.DeliveryDestinationType).toBe('S3')
    // One JSON object per request: the runbook's jq reads records by field name.
    expect(destination.OutputFormat).toBe('json')
    expect(appOutput(destination.DestinationResourceArn)).toContain(`FnGetAtt${bucketId()}Arn`)
    expect(stacks.built.app.region).toBe('ap-southeast-3')
  })

  it('keeps a year of logs in a private bucket without ACLs, encrypted, TLS only', () => {
    const bucket = stacks.app.findResources('AWS::S3::Bucket')[bucketId()] as { Properties: unknown }
    expect(bucket.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 365, Status: 'Enabled' }] },
    })
    expect(at(bucket.Properties, 'AccessControl')).toBeUndefined()
  })

  it('lets only the log delivery service write, with CloudWatch Logs’ own statement for this account’s sources in us-east-1', () => {
    const policy = Object.values(stacks.app.findResources('AWS::S3::BucketPolicy') as Resources).find(
      (resource) => JSON.stringify(resource.Properties.Bucket) === JSON.stringify({ Ref: bucketId() }),
    )
    const statements = list(at(policy?.Properties, 'PolicyDocument', 'Statement')) as Statement[]
    const allows = statements.filter((statement) => statement.Effect === 'Allow')
    // Exactly the statement CloudWatch Logs appends when it finds none like it, so nothing drifts.
    expect(allows).toEqual([
      {
        Sid: 'CloudFrontAccessLogDelivery',
        Effect: 'Allow',
        Principal: { Service: 'delivery.logs.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: {
          'Fn::Join': [
            '',
            [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, '/AWSLogs/', { Ref: 'AWS::AccountId' }, '/*'],
          ],
        },
        Condition: {
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
          },
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': ['', ['arn:aws:logs:us-east-1:', { Ref: 'AWS::AccountId' }, ':delivery-source:*']],
            },
          },
        },
      },
    ])
    expect(
      statements.some(
        (statement) =>
          statement.Effect === 'Deny' && JSON.stringify(statement.Condition).includes('aws:SecureTransport'),
      ),
    ).toBe(true)
  })
})

describe('the gateway and the functions under a flood', () => {
  it('throttles each public route on its own, below the stage’s limit for everyone', () => {
    const stage = only(stacks.app.findResources('AWS::ApiGatewayV2::Stage') as Resources) as {
      DefaultRouteSettings: { ThrottlingRateLimit: number }
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>
    }
    const publicKeys = deployedRoutes()
      .filter((route) => route.rateLimit === 'public')
      .map((route) => `${route.method} ${route.path}`)
    expect(publicKeys).toContain('POST /api/cases')
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(publicKeys.sort())
    for (const settings of Object.values(stage.RouteSettings))
      expect(settings.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit)
  })

  it('caps the functions the public reaches and sets capacity aside for staff and workflows, inside the account’s pool', () => {
    const lambdas = Object.values(stacks.app.findResources('AWS::Lambda::Function') as Resources)
    const reservedFor = (description: string) =>
      lambdas.find((fn) => fn.Properties.Description === description)?.Properties.ReservedConcurrentExecutions
    const { httpFunctions } = stacks.built.app
    for (const [name, limit] of Object.entries(PUBLIC_FACING_CONCURRENCY))
      if (httpFunctions.has(name as never)) expect(reservedFor(`tksk-flow http ${name}`), name).toBe(limit)
    for (const name of ['tasks', 'kpm', 'audit'])
      expect(reservedFor(`tksk-flow http ${name}`), name).toBe(STAFF_CONCURRENCY[name])
    expect(reservedFor(`tksk-flow steps demo-steps`)).toBeGreaterThan(0)
    const total = lambdas.reduce(
      (sum, fn) => sum + Number(fn.Properties.ReservedConcurrentExecutions ?? 0),
      0,
    )
    // Lambda keeps 100 of the default 1,000 unreserved.
    expect(total).toBeLessThanOrEqual(900)
  })
})

describe('the staff app client and user pool', () => {
  const client = () => only(stacks.app.findResources('AWS::Cognito::UserPoolClient') as Resources)

  it('allows only the hosted UI code flow and refresh: no password, SRP or custom auth against the client', () => {
    expect(client()).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
    })
  })

  it('lets users write none of their attributes: no admin scope in the tokens, nothing meaningful in the write list', () => {
    const props = client() as { AllowedOAuthScopes: string[]; WriteAttributes: string[] }
    expect(props.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin')
    expect(props.WriteAttributes).toEqual(['locale'])
  })

  it('keeps the verified email until a new one is verified', () => {
    stacks.data.hasResourceProperties('AWS::Cognito::UserPool', {
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    })
  })
})
