/**
 * The query parameter of an asset URL that holds its content hash (`/assets/app.css?v=…`).
 * The edge caches assets for a year with this parameter in its cache key (ADR 0059): a
 * deployment that changes a file changes its URL, so no viewer gets the old bytes.
 */
export const ASSET_VERSION_PARAMETER = 'v'
