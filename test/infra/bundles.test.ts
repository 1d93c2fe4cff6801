/**
 * Every Lambda of the app built as deployed (app-bundles.ts: the entries and data files
 * of the TkskFunction constructs of the synthesized app, bundled with the construct's own
 * options), each bundle loaded in a clean Node process with no node_modules in reach, and
 * each held under 1 MB; and the deployed HTTP functions carrying nothing of the local
 * platform. One file, so one build: two files would each build in their own worker.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultRouteResource, deployedRoutes } from '../../functions/http/routes'
import { PROJECT_ROOT } from '../../infra/constructs/tksk-function'
import { type AppBundle, appBundles } from './app-bundles'

const run = promisify(execFile)
const MAX_BUNDLE_BYTES = 1_000_000

let bundles: AppBundle[] = []

beforeAll(async () => {
  bundles = await appBundles()
  console.log(
    bundles
      .map((b) => `${(b.bytes / 1e6).toFixed(3)} MB  ${b.id}  (${b.entry.replace(PROJECT_ROOT, '')})`)
      .join('\n'),
  )
  // Some twenty functions bundled: 17 s on a quiet 2-core machine as twenty builds, past
  // the project's 120 s hook limit when the machine was loaded.
}, 300_000)

describe('the Lambda bundles as the CDK construct builds them', () => {
  it('builds every function of the app', () => {
    expect(bundles.length).toBeGreaterThanOrEqual(10)
  })

  it('keeps each bundle under 1 MB', () => {
    expect(bundles.filter((b) => b.bytes >= MAX_BUNDLE_BYTES).map((b) => `${b.id}: ${b.bytes}`)).toEqual([])
  })

  it('loads each bundle in a clean Node process without node_modules and finds its handler', async () => {
    const loaded = await Promise.all(
      bundles.map(async (b) => {
        const { stdout } = await run(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            "const m = await import('./index.mjs'); console.log(typeof m.handler)",
          ],
          // A clean environment: no NODE_PATH, nothing of the test run's; the region as Lambda sets it.
          { cwd: b.dir, env: { PATH: process.env.PATH ?? '', AWS_REGION: 'ap-southeast-3' } },
        )
        return [b.id, stdout.trim()]
      }),
    )
    expect(loaded.filter(([, type]) => type !== 'function')).toEqual([])
  })
})

// The resources that get a Lambda on AWS, as app-stack.ts decides them.
const deployedResources = [
  ...new Set([...deployedRoutes().map((route) => route.resource), defaultRouteResource]),
]

describe('the deployed HTTP functions', () => {
  it('carry nothing of the local platform (no seed, no local outbox)', () => {
    const handlers = deployedResources.map((resource) =>
      resolve(PROJECT_ROOT, `functions/http/${resource}/handler.ts`),
    )
    const deployed = bundles.filter((bundle) => handlers.includes(resolve(bundle.entry)))
    expect(deployedResources).toContain('pages')
    expect(deployed.map((bundle) => resolve(bundle.entry)).sort()).toEqual([...handlers].sort())
    const local = deployed.flatMap((bundle) => bundle.inputs.filter((input) => input.startsWith('infra/')))
    expect(local).toEqual([])
  })
})
