/**
 * The static files of the pages, served by the pages Lambda (small enough that no CDN is
 * needed). URLs carry a content hash, so a file can be cached for a year and a new
 * deployment is fetched at once.
 */
import { createHash } from 'node:crypto'
import { APP_CSS } from './app-css'
import { ASSET_VERSION_PARAMETER } from './asset-version'
import { AREA_CASCADE_JS } from './area-cascade-js'
import { readChartJs } from './chart-js'
import { DASHBOARD_CHARTS_JS } from './dashboard-charts-js'
import { TASK_DRAFT_JS } from './task-draft-js'
import { VERVAL_UPLOAD_JS } from './verval-upload-js'

export interface Asset {
  contentType: string
  body: string
  hash: string
}

const asset = (contentType: string, body: string): Asset => ({
  contentType,
  body,
  hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
})

let chartJs: Asset | undefined

export const ASSETS: Readonly<Record<string, Asset>> = {
  'app.css': asset('text/css; charset=utf-8', APP_CSS),
  'area-cascade.js': asset('text/javascript; charset=utf-8', AREA_CASCADE_JS),
  'task-draft.js': asset('text/javascript; charset=utf-8', TASK_DRAFT_JS),
  'verval-upload.js': asset('text/javascript; charset=utf-8', VERVAL_UPLOAD_JS),
  'dashboard-charts.js': asset('text/javascript; charset=utf-8', DASHBOARD_CHARTS_JS),
  // 200 KB read from disk: only when the dashboard first asks for it.
  get 'chart.js'(): Asset {
    chartJs ??= asset('text/javascript; charset=utf-8', readChartJs())
    return chartJs
  },
}

export type AssetName =
  'app.css' | 'area-cascade.js' | 'chart.js' | 'dashboard-charts.js' | 'task-draft.js' | 'verval-upload.js'

export const assetUrl = (name: AssetName): string =>
  `/assets/${name}?${ASSET_VERSION_PARAMETER}=${ASSETS[name]?.hash ?? ''}`
