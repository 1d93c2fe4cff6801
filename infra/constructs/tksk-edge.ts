/**
 * CloudFront in front of the HTTP API (issue 18 point 7): the web ACL of the edge stack
 * attached, nothing cached (every answer is per person) but the content-hashed assets
 * (`asset-behavior.ts`, ADR 0059), HTTPS only with HSTS, the
 * custom domain and its us-east-1 ACM certificate from the context. Each request to the
 * API carries a secret header the handlers require (`x-tksk-edge`), so the API's own
 * execute-api URL cannot be used to go around the WAF; the client's address reaches the
 * handlers as `CloudFront-Viewer-Address` (ADR 0012). Its access logs are delivered by the
 * edge logs stack in us-east-1 into a bucket here, without query strings (ADR 0058).
 */
import { Duration, type SecretValue, Stack, Validations } from 'aws-cdk-lib'
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2'
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager'
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins'
import type { Bucket } from 'aws-cdk-lib/aws-s3'
import { Secret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { ASSET_PATH_PATTERN, assetBehavior } from './asset-behavior'
import { EDGE_SECRET_HEADER } from '../../functions/http/runtime/edge-origin'
import { edgeAccessLogBucket } from './edge-access-log-bucket'

export interface EdgeDomain {
  /** e.g. `layanan.dinsos.bogorkab.go.id` */
  name: string
  /** An ACM certificate for the name, in us-east-1 (CloudFront reads certificates only there). */
  certificateArn: string
}

export interface TkskEdgeProps {
  api: HttpApi
  webAclArn: string
  domain?: EdgeDomain
}

export class TkskEdge extends Construct {
  readonly distribution: Distribution
  /**
   * The header value CloudFront adds and the handlers require (`EDGE_ORIGIN_SECRET`):
   * a Secrets Manager dynamic reference, resolved by CloudFormation at deploy.
   */
  readonly originSecret: SecretValue
  /** `https://<custom domain>` or the distribution's own name: the base of every mailed link. */
  readonly baseUrl: string
  /** Where the edge logs stack delivers the distribution's access logs (ADR 0058). */
  readonly accessLogs: Bucket

  constructor(scope: Construct, id: string, props: TkskEdgeProps) {
    super(scope, id)
    const stack = Stack.of(this)
    const secret = new Secret(this, 'OriginSecret', {
      description:
        'tksk-flow: header value CloudFront adds so the API can refuse requests that bypass the WAF',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    })
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not a credential to any data: a marker shared by CloudFront and the API. Rotating it needs the ' +
        'distribution and the functions updated together, which a redeploy does (ADR 0012).',
    })
    this.originSecret = secret.secretValue
    const origin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      // API Gateway answers within 29 s; CloudFront's default wait is 30 s.
      readTimeout: Duration.seconds(30),
      customHeaders: { [EDGE_SECRET_HEADER]: this.originSecret.unsafeUnwrap() },
    })
    // The handlers set these too; CloudFront adds them where a handler did not (HSTS on
    // every answer, errors of CloudFront and WAF included).
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'tksk-flow: HSTS and the security headers on every answer',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
      },
    })
    // A new bucket, not the legacy one: that one's ACL grants CloudFront's log account, which
    // S3 refuses to combine with BUCKET_OWNER_ENFORCED (ADR 0058).
    this.accessLogs = edgeAccessLogBucket(this, 'RequestLogs')
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'tksk-flow: the public site and API',
      defaultBehavior: {
        origin,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // Every viewer header but Host (API Gateway routes on its own host name), plus
        // CloudFront-Viewer-Address: the client the rate limits count.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: { [ASSET_PATH_PATTERN]: assetBehavior(this, origin, headers) },
      webAclId: props.webAclArn,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Asia included: the users are in Indonesia.
      priceClass: PriceClass.PRICE_CLASS_200,
    })
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'Access logs are on, as CloudFront standard logging v2 (the edge logs stack, ADR 0058), which this ' +
        'rule does not see: legacy logging would write every query string, the secrets of mailed links among them.',
    })
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: Indonesians working abroad (PMI) ask Dinsos for help for their families and ' +
        'staff travel; abuse is handled by the web ACL (IP reputation, per-IP rate limits), not by country.',
    })
    if (!props.domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Only without a custom domain (a trial deployment): the *.cloudfront.net certificate cannot be held ' +
          'to TLS 1.2; with -c domainName and certificateArn the viewer policy is TLSv1.2_2021.',
      })
    this.baseUrl = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`
  }
}
