/**
 * `npm run bench`: throughput of the local platform against baselines measured in the
 * same run on the same machine, printed as ratios (never asserted in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../infra/local/dynamodb/dynamodb-local'
import { startLocalPlatform } from '../infra/local/server'
import { benchCases } from './case'
import { measure, report } from './measure'
import { benchVerval, reportVerval } from './verval'

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-'))
  // The bench is one client hammering public routes: the per-IP limit would measure itself.
  process.env.RATE_LIMIT_PER_MINUTE = '0'
  const platform = await startLocalPlatform({ port: await freePort(), dataDir })
  const bare = createServer((_req, res) => res.end('{"status":"ok"}'))
  await new Promise<void>((r) => bare.listen(0, r))
  const barePort = (bare.address() as { port: number }).port
  try {
    const get = (url: string) => async () => {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    }
    const baseline = await measure('baseline: bare node http server', get(`http://127.0.0.1:${barePort}/`))
    const health = await measure('GET /api/health (2 DynamoDB reads)', get(`${platform.url}/api/health`))
    const villages = await measure(
      'GET /api/reference/areas?parent=32.01.14',
      get(`${platform.url}/api/reference/areas?parent=32.01.14`),
    )
    console.log(
      `\nrss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (platform and bench in one process)`,
    )
    report(baseline, [health, villages])

    const cases = await benchCases(platform.url)
    console.log('\ncase workflow (baseline: GET /api/health in the same run)')
    report(cases.health, [cases.intake])
    console.log(
      `completed workflows (intake → assessment "not eligible" → closed): ${cases.completed} at ` +
        `${cases.workflowsPerSecond.toFixed(1)}/s`,
    )

    reportVerval(await benchVerval(platform.url, platform.dynamodbEndpoint))
  } finally {
    bare.close()
    await platform.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
