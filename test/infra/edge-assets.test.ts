/**
 * The edge's behavior for the pages' assets (ADR 0059): cached at CloudFront for as long
 * as the function allows, compressed there, keyed on the content hash alone; every other
 * path stays uncached and reaches the functions with the viewer's headers.
 */
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront'
import { describe, expect, it } from 'vitest'
import { assetUrl } from '../../functions/web/assets/assets'
import { ASSET_PATH_PATTERN } from '../../infra/constructs/asset-behavior'
import { demoWorkflow } from './fixtures/workflows'
import { defined, synthesizeOnce } from './support'

const stacks = synthesizeOnce({ workflows: [demoWorkflow] })

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>
interface Behavior {
  PathPattern: string
  CachePolicyId: unknown
  OriginRequestPolicyId?: unknown
  Compress: boolean
  AllowedMethods: string[]
  ViewerProtocolPolicy: string
  ResponseHeadersPolicyId: unknown
  TargetOriginId: string
}

const distribution = () => {
  const [only] = Object.values(stacks.app.findResources('AWS::CloudFront::Distribution') as Resources)
  return defined(only, 'the distribution').Properties.DistributionConfig as {
    CacheBehaviors: Behavior[]
    DefaultCacheBehavior: Behavior
  }
}

describe('the assets at the edge', () => {
  it('has a behavior for the asset path, GET and HEAD only, compressed, to the API origin', () => {
    const config = distribution()
    const assets = config.CacheBehaviors.find((behavior) => behavior.PathPattern === ASSET_PATH_PATTERN)
    const url = assetUrl('app.css')
    expect(url.startsWith(ASSET_PATH_PATTERN.replace('*', ''))).toBe(true)
    expect(assets).toMatchObject({
      Compress: true,
      AllowedMethods: ['GET', 'HEAD'],
      ViewerProtocolPolicy: 'redirect-to-https',
      TargetOriginId: config.DefaultCacheBehavior.TargetOriginId,
      ResponseHeadersPolicyId: config.DefaultCacheBehavior.ResponseHeadersPolicyId,
    })
    // Public bytes: no viewer header, cookie or session goes to the function with them.
    expect(assets?.OriginRequestPolicyId).toBeUndefined()
    // Every other path: still the managed CachingDisabled.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId)
  })

  it('forwards the viewer’s headers and cookies on every other path: the BREACH rule reads them', () => {
    // `compress-response.ts` compresses a per-person answer only for `Sec-Fetch-Site:
    // same-origin | none`, or for a request without cookies: a policy that dropped either
    // would make every forged request look safe to compress.
    expect(distribution().DefaultCacheBehavior.OriginRequestPolicyId).toBe(
      OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    )
  })

  it('has a HEAD route on the API for the assets, as the behavior lets viewers send HEAD', () => {
    const routeKeys = Object.values(stacks.app.findResources('AWS::ApiGatewayV2::Route') as Resources).map(
      (route) => route.Properties.RouteKey,
    )
    expect(routeKeys).toEqual(expect.arrayContaining(['GET /assets/{name}', 'HEAD /assets/{name}']))
  })

  it('caches them up to a year with gzip and Brotli, keyed on the content hash and nothing personal', () => {
    const assets = distribution().CacheBehaviors.find(
      (behavior) => behavior.PathPattern === ASSET_PATH_PATTERN,
    )
    const policies = stacks.app.findResources('AWS::CloudFront::CachePolicy') as Resources
    const policyId = JSON.stringify(assets?.CachePolicyId)
    const [logicalId, policy] = defined(
      Object.entries(policies).find(([id]) => policyId.includes(id)),
      'the asset cache policy',
    )
    expect(logicalId).toMatch(/AssetCache/)
    const hashParameter = new URL(assetUrl('app.css'), 'https://x').searchParams
    expect([...hashParameter.keys()]).toHaveLength(1)
    expect(policy.Properties.CachePolicyConfig).toMatchObject({
      MinTTL: 0,
      MaxTTL: 365 * 86_400,
      ParametersInCacheKeyAndForwardedToOrigin: {
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
        CookiesConfig: { CookieBehavior: 'none' },
        HeadersConfig: { HeaderBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'whitelist', QueryStrings: [...hashParameter.keys()] },
      },
    })
  })
})
