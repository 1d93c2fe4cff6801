/** Small measuring helpers for `npm run bench`: latency percentiles and throughput of an async call. */
export interface Measurement {
  name: string
  count: number
  perSecond: number
  p50Ms: number
  p95Ms: number
}

/** The p-th percentile of ascending `sorted` (nearest rank); 0 for none. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** Runs `call` `count` times with `concurrency` in flight and reports latency and rate. */
export const measure = async (
  name: string,
  call: () => Promise<unknown>,
  { count = 500, concurrency = 8, warmup = 20 } = {},
): Promise<Measurement> => {
  for (let i = 0; i < warmup; i += 1) await call()
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  const worker = async () => {
    while (next < count) {
      next += 1
      const t0 = performance.now()
      await call()
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name,
    count,
    perSecond: count / elapsed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
  }
}

/** Samples the server's RSS every 100 ms; `stop` returns the peak. */
export const sampleRss = (rssBytes: () => number) => {
  let peak = rssBytes()
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes())
  }, 100)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, rssBytes())
    },
  }
}
