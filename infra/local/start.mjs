/**
 * `npm start`'s launcher, in plain JavaScript so that it runs at once: DynamoDB Local's JVM,
 * the longest part of a start, is spawned before anything else, then the platform loads
 * (a prebuilt bundle when current, else `main.ts` through tsx: ADR 0041) and runs with the
 * JVM handed over (ADR 0023, second addendum).
 */
import process from 'node:process'
import { spawnOnDataDir } from './dynamodb/spawn-dynamodb-local.mjs'
import { buildPlatformBundle, loadPlatform } from './platform-bundle.mjs'

const startedAt = Date.now()
// main.ts's reading of DATA_DIR (empty counts as unset); main.ts cannot be imported
// before tsx is registered, and the JVM must not wait for tsx.
const dataDir = process.env.DATA_DIR || '.data'
const spawned = await spawnOnDataDir(dataDir, { quickBoot: true }).catch((error) => {
  // Another platform on this DATA_DIR: one line for the person at the terminal.
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`)
  process.exit(1)
})
// A signal while TypeScript loads exits at once; the spawn module's exit hook kills Java.
const exitAtOnce = () => process.exit(130)
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP']
for (const signal of signals) process.once(signal, exitAtOnce)
const { platform, fromBundle } = await loadPlatform()
// main.ts installs its own handlers first thing, synchronously; ours go only after that. A
// signal that came while the bundle evaluated (synchronous) waits in libuv's queue for the
// signal's handle, and a signal left with no listener for a moment loses its handle and that
// queued signal with it: the SIGTERM was dropped and the start ran on.
const running = platform.runLocalPlatform(spawned, startedAt)
for (const signal of signals) process.removeListener(signal, exitAtOnce)
await running.catch(platform.exitOnStartFailure)
// Built after the platform is ready, so a start through tsx is not slowed by it.
if (!fromBundle)
  buildPlatformBundle().catch((error) =>
    process.stderr.write(`No platform bundle for the next start: ${error.message}\n`),
  )
