/**
 * Background work on the local platform (workflow steps, the Step Functions journal,
 * stream polls) goes behind API answers, but a stream of answers never starves it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { asForeground, backgroundTurn } from '../../../infra/local/foreground'

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false
  void promise.then(() => {
    done = true
  })
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('background work behind API answers', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs at once when no API request is being answered', async () => {
    vi.useFakeTimers()
    expect(await settled(backgroundTurn())).toBe(true)
  })

  it('waits while an answer is being written and goes as soon as the last one is out', async () => {
    vi.useFakeTimers()
    let finishFirst = () => {}
    let finishSecond = () => {}
    const first = asForeground(() => new Promise<void>((resolve) => (finishFirst = resolve)))
    const second = asForeground(() => new Promise<void>((resolve) => (finishSecond = resolve)))
    const turn = backgroundTurn()
    expect(await settled(turn)).toBe(false)
    finishFirst()
    await first
    expect(await settled(turn)).toBe(false)
    finishSecond()
    await second
    expect(await settled(turn)).toBe(true)
  })

  it('goes after 250 ms even while answers keep coming, so it is never starved', async () => {
    vi.useFakeTimers()
    let finish = () => {}
    const answering = asForeground(() => new Promise<void>((resolve) => (finish = resolve)))
    const turn = backgroundTurn()
    await vi.advanceTimersByTimeAsync(249)
    expect(await settled(turn)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(turn)).toBe(true)
    finish()
    await answering
  })

  it('passes on the answer and its failure unchanged, and a failed answer no longer holds the background', async () => {
    vi.useFakeTimers()
    await expect(asForeground(async () => 201)).resolves.toBe(201)
    await expect(asForeground(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
    expect(await settled(backgroundTurn())).toBe(true)
  })
})
