import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  asForeground,
  backgroundStoreCall,
  backgroundTurn,
  isForeground,
} from '../../../infra/local/foreground'
import { settle, settledYet } from '../../support/promise-state'

/** An API request held open until `finish()` is called. */
const openRequest = () => {
  let finish = () => undefined as void
  const held = new Promise<void>((resolve) => (finish = resolve))
  const request = asForeground(() => held)
  return { finish, request }
}

describe('background work waits its turn behind API requests', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('goes at once when no API request is in flight', async () => {
    expect(await settledYet(backgroundTurn())).toBe(true)
  })

  it('waits while an API request is in flight and goes when the last one answers', async () => {
    const first = openRequest()
    const second = openRequest()
    const turn = backgroundTurn(60_000)
    expect(await settledYet(turn)).toBe(false)
    first.finish()
    await first.request
    expect(await settledYet(turn)).toBe(false)
    second.finish()
    await second.request
    expect(await settledYet(turn)).toBe(true)
  })

  it('is never starved: a busy API lets it go after the longest wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const open = openRequest()
    const turn = backgroundTurn(200)
    vi.advanceTimersByTime(199)
    expect(await settledYet(turn)).toBe(false)
    vi.advanceTimersByTime(1)
    expect(await settledYet(turn)).toBe(true)
    open.finish()
    await open.request
  })

  it('never holds back an API request’s own calls, nor anything when the ordering is off', async () => {
    const open = openRequest()
    const own = asForeground(async () => {
      expect(isForeground()).toBe(true)
      return settledYet(backgroundTurn(60_000))
    })
    expect(await own).toBe(true)
    expect(await settledYet(backgroundTurn(0))).toBe(true)
    expect(isForeground()).toBe(false)
    expect(await settledYet(backgroundTurn(60_000))).toBe(false)
    open.finish()
    await open.request
  })
})

/** A store call that answers when `finish()` is called, and says whether it was sent. */
const heldCall = () => {
  const state = { sent: false, finish: () => undefined as void }
  const answered = new Promise<void>((resolve) => (state.finish = resolve))
  const call = () => {
    state.sent = true
    return answered
  }
  return { state, call }
}

describe('background store calls take a slot while the API is busy', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends at most three background store calls at a time while no API request is in flight', async () => {
    const held = [heldCall(), heldCall(), heldCall(), heldCall()]
    const calls = held.map((one) => backgroundStoreCall(one.call))
    await settle()
    expect(held.map((one) => one.state.sent)).toEqual([true, true, true, false])
    held[0]?.state.finish()
    await settle()
    expect(held[3]?.state.sent).toBe(true)
    for (const one of held.slice(1)) one.state.finish()
    await Promise.all(calls)
  })

  it('sends one background store call at a time while an API request is in flight, the oldest first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const open = openRequest()
    const [first, second, third] = [heldCall(), heldCall(), heldCall()]
    const calls = [first, second, third].map((held) => backgroundStoreCall(held.call))
    // Past the turn's longest wait: the API is still busy, so the calls go one by one.
    await vi.advanceTimersByTimeAsync(200)
    expect([first.state.sent, second.state.sent, third.state.sent]).toEqual([true, false, false])
    first.state.finish()
    await settle()
    expect([second.state.sent, third.state.sent]).toEqual([true, false])
    open.finish()
    await open.request
    second.state.finish()
    await settle()
    expect(third.state.sent).toBe(true)
    third.state.finish()
    await Promise.all(calls)
  })

  it('holds no slot for an API request’s own store calls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const open = openRequest()
    const background = heldCall()
    const call = backgroundStoreCall(background.call)
    await vi.advanceTimersByTimeAsync(200)
    expect(background.state.sent).toBe(true)
    const own = heldCall()
    const request = asForeground(() => backgroundStoreCall(own.call))
    await settle()
    expect(own.state.sent).toBe(true)
    own.state.finish()
    await request
    background.state.finish()
    await call
    open.finish()
    await open.request
  })
})
