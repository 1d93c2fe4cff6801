/**
 * Loaded into the platform's process by `npm run bench -- --verval-only --memory`
 * (`NODE_OPTIONS=--import`): writes `process.memoryUsage()` every 200 ms as JSON lines,
 * so the bench can say which phase of a verval holds what (rss, V8 heap, external
 * buffers). Never loaded by the product.
 */
import { appendFileSync } from 'node:fs'
import process from 'node:process'
import { setInterval } from 'node:timers'

const file = process.env.BENCH_MEMORY_FILE
if (file) {
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage()
    appendFileSync(
      file,
      `${JSON.stringify({ at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers })}\n`,
    )
  }
  setInterval(sample, 200).unref()
}
