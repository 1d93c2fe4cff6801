/**
 * Chart.js (v4, UMD build) for the dashboard charts, served from our own `/assets` so the
 * CSP stays `script-src 'self'` and no CDN is involved. The file is read on first use:
 * locally from node_modules, on AWS from the copy bundled next to the Lambda
 * (`CHART_JS_DIR`, see infra/constructs/bundled-assets.ts).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const CHART_JS_FILE = 'chart.umd.min.js'

const chartJsDir = (): string => {
  const configured = process.env.CHART_JS_DIR
  if (configured) return configured
  // Resolved lazily: in a CommonJS Lambda bundle `import.meta.url` is empty, and there
  // CHART_JS_DIR is always set.
  // The package exports no `./package.json`; its CommonJS entry lives in `dist/` too.
  return dirname(createRequire(import.meta.url).resolve('chart.js'))
}

/** The library's text, without its source-map comment (the map is not served). */
export const readChartJs = (): string =>
  readFileSync(join(chartJsDir(), CHART_JS_FILE), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
