/**
 * `npm run bench`: throughput of the local platform against baselines measured in the
 * same run on the same machine, printed as ratios (never asserted in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCAL_ARN_SCOPE, stateMachineArn } from '../infra/local/stepfunctions/arns'
import { benchCases } from './case'
import { measure, report } from './measure'
import { startServerProcess } from './server-process'
import { benchVerval, reportVerval } from './verval'

const MiB = 2 ** 20

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tksk-bench-'))
  const platform = await startServerProcess(dataDir)
  // The bench reads execution histories with the handlers' own SFN client.
  Object.assign(process.env, {
    AWS_LOCAL_ENDPOINT: `${platform.url}/__aws`,
    VERVAL_STATE_MACHINE_ARN: stateMachineArn(LOCAL_ARN_SCOPE, 'tksk-verval'),
  })
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
    console.log(`\nserver rss ${(platform.rssBytes() / MiB).toFixed(0)} MiB`)
    report(baseline, [health, villages])

    const cases = await benchCases(platform.url)
    console.log('\ncase workflow (baseline: GET /api/health in the same run)')
    report(cases.health, [cases.intake])
    console.log(
      `completed workflows (intake → assessment "not eligible" → closed): ${cases.completed} at ` +
        `${cases.workflowsPerSecond.toFixed(1)}/s`,
    )

    reportVerval(await benchVerval(platform.url, platform.dynamodbEndpoint, platform.rssBytes))
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
