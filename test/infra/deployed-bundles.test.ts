import { resolve } from 'node:path'
import { PROJECT_ROOT } from '../../infra/constructs/tksk-function'
import { describe, expect, it } from 'vitest'
import { defaultRouteResource, deployedRoutes } from '../../functions/http/routes'
import { appBundles } from './app-bundles'

// The resources that get a Lambda on AWS, as app-stack.ts decides them.
const deployedResources = [
  ...new Set([...deployedRoutes().map((route) => route.resource), defaultRouteResource]),
]

describe('the deployed HTTP functions', () => {
  it('carry nothing of the local platform (no seed, no local outbox)', async () => {
    // The app's bundles as the construct builds them (built once per worker, app-bundles.ts).
    const bundles = await appBundles()
    const handlers = deployedResources.map((resource) =>
      resolve(PROJECT_ROOT, `functions/http/${resource}/handler.ts`),
    )
    const deployed = bundles.filter((bundle) => handlers.includes(resolve(bundle.entry)))
    expect(deployedResources).toContain('pages')
    expect(deployed.map((bundle) => resolve(bundle.entry)).sort()).toEqual([...handlers].sort())
    const local = deployed.flatMap((bundle) => bundle.inputs.filter((input) => input.startsWith('infra/')))
    expect(local).toEqual([])
  }, 300_000)
})
