/**
 * The edge's behavior for `/assets/*` (ADR 0059): the pages' CSS and JavaScript are the
 * same bytes for everyone and their URLs carry a content hash, so CloudFront caches them
 * near the viewer and serves them compressed (gzip and Brotli in the cache key, as only
 * a caching policy allows). The key holds no cookie and no header, and of the query only
 * the hash parameter: a new deployment's URL is a new object, a stray parameter is not.
 * No viewer header is forwarded: the function needs none for a public file. The function
 * marks only the exact hash immutable (another `v` is `no-store`, which the minimum TTL
 * of 0 lets CloudFront honour), and answers HEAD, which CloudFront cannot refuse here.
 */
import { Duration } from 'aws-cdk-lib'
import {
  AllowedMethods,
  type BehaviorOptions,
  CachedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  type IOrigin,
  type IResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront'
import type { Construct } from 'constructs'
import { ASSET_VERSION_PARAMETER } from '../../functions/web/assets/asset-version'

export const ASSET_PATH_PATTERN = '/assets/*'

export const assetBehavior = (
  scope: Construct,
  origin: IOrigin,
  responseHeadersPolicy: IResponseHeadersPolicy,
): BehaviorOptions => ({
  origin,
  allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
  cachedMethods: CachedMethods.CACHE_GET_HEAD,
  viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
  compress: true,
  cachePolicy: new CachePolicy(scope, 'AssetCache', {
    comment: 'tksk-flow: content-hashed assets, a year at the edge, compressed',
    // The function answers `max-age=31536000, immutable`; CloudFront keeps it that long.
    defaultTtl: Duration.days(1),
    minTtl: Duration.seconds(0),
    maxTtl: Duration.days(365),
    cookieBehavior: CacheCookieBehavior.none(),
    headerBehavior: CacheHeaderBehavior.none(),
    queryStringBehavior: CacheQueryStringBehavior.allowList(ASSET_VERSION_PARAMETER),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  }),
  responseHeadersPolicy,
})
