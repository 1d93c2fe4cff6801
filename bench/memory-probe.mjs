/**
 * Loaded into the platform's process by `npm run bench -- --verval-only --memory`
 * (`NODE_OPTIONS=--import`): writes `process.memoryUsage()` and the milliseconds spent in
 * garbage collection so far every 200 ms as JSON lines, so the bench can say which phase
 * of a verval holds what (rss, V8 heap, external buffers) and what the collections cost.
 * Never loaded by the product.
 */
import { appendFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'
import process from 'node:process'
import { setInterval } from 'node:timers'
import { getHeapStatistics } from 'node:v8'

const file = process.env.BENCH_MEMORY_FILE
if (file) {
  let gcMs = 0
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration
  }).observe({ entryTypes: ['gc'] })
  const heapSizeLimit = getHeapStatistics().heap_size_limit
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage()
    const line = { at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers, gcMs, heapSizeLimit }
    appendFileSync(file, `${JSON.stringify(line)}\n`)
  }
  setInterval(sample, 200).unref()
}
