/**
 * Data files a function reads at runtime that esbuild cannot inline, copied next to the
 * bundle after bundling. A function names the ones it needs in function-access.ts; the
 * variable tells the code where they are (the local platform reads them from
 * node_modules instead).
 */
export interface BundledAsset {
  /** Directory relative to the project root. */
  from: string
  /** Shell glob of the files to copy from it. */
  files: string
  /** Directory inside the bundle (`/var/task/<to>` at runtime). */
  to: string
  /** Environment variable that receives the runtime directory. */
  envName: string
}

export const bundledAssets = {
  // Kemendagri area codes (DESIGN §1); the package locates its CSVs relative to its own
  // files, which do not survive bundling.
  'idn-area-data': {
    from: 'node_modules/idn-area-data/data',
    files: '*.csv',
    to: 'idn-area-data',
    envName: 'AREA_DATA_DIR',
  },
  // The dashboard's chart library, served by the pages Lambda from `/assets/chart.js`.
  'chart.js': {
    from: 'node_modules/chart.js/dist',
    files: 'chart.umd.min.js',
    to: 'chart.js',
    envName: 'CHART_JS_DIR',
  },
} as const satisfies Record<string, BundledAsset>

export type BundledAssetName = keyof typeof bundledAssets

/** Lambda unpacks the bundle into /var/task. */
const LAMBDA_TASK_ROOT = '/var/task'

export const assetEnvironment = (names: readonly BundledAssetName[]): Record<string, string> =>
  Object.fromEntries(
    names.map((name) => [bundledAssets[name].envName, `${LAMBDA_TASK_ROOT}/${bundledAssets[name].to}`]),
  )

export const assetCopyCommands = (
  names: readonly BundledAssetName[],
  inputDir: string,
  outputDir: string,
): string[] =>
  names.flatMap((name) => {
    const asset = bundledAssets[name]
    return [
      `mkdir -p "${outputDir}/${asset.to}"`,
      `cp "${inputDir}/${asset.from}"/${asset.files} "${outputDir}/${asset.to}/"`,
    ]
  })
