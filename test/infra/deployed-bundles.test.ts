import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { defaultRouteResource, deployedRoutes } from '../../functions/http/routes'

// The resources that get a Lambda on AWS, as app-stack.ts decides them.
const deployedResources = [
  ...new Set([...deployedRoutes().map((route) => route.resource), defaultRouteResource]),
]

describe('the deployed HTTP functions', () => {
  it('carry nothing of the local platform (no seed, no local outbox)', async () => {
    const { metafile } = await build({
      entryPoints: deployedResources.map((resource) => `functions/http/${resource}/handler.ts`),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      outdir: 'unused',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    expect(deployedResources).toContain('pages')
    expect(Object.keys(metafile.inputs).filter((input) => input.startsWith('infra/'))).toEqual([])
  }, 60_000)
})
