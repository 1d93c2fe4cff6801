import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

const anchorChangedChains = vi.fn()
const anchorStoreOfStage = vi.fn()
vi.mock('../../../functions/data/audit-anchoring', () => ({ anchorChangedChains }))
vi.mock('../../../functions/data/audit-anchor-store', () => ({ anchorStoreOfStage }))
// This worker's other files share modules (vitest.config.ts): load the module under test
// afresh against these mocks, and give the real ones back to the files after this one.
vi.resetModules()
const { handler } = await import('../../../functions/triggers/audit-anchoring')
afterAll(() => {
  vi.doUnmock('../../../functions/data/audit-anchoring')
  vi.doUnmock('../../../functions/data/audit-anchor-store')
  vi.resetModules()
})

describe('the hourly anchor job on AWS', () => {
  beforeEach(() => {
    anchorChangedChains.mockReset()
    anchorStoreOfStage.mockReset()
  })

  it('anchors into the stage’s store and says which record it wrote', async () => {
    const store = { bucket: 'anchors' }
    anchorStoreOfStage.mockReturnValue(store)
    anchorChangedChains.mockResolvedValue({ anchorSeq: '0000000007', heads: [{}, {}] })
    expect(await handler()).toEqual({ anchorSeq: '0000000007', heads: 2 })
    expect(anchorChangedChains).toHaveBeenCalledWith(store, expect.any(Date))
  })

  it('reports an hour already anchored as nothing written', async () => {
    anchorStoreOfStage.mockReturnValue({})
    anchorChangedChains.mockResolvedValue(undefined)
    expect(await handler()).toEqual({ anchorSeq: null, heads: 0 })
  })

  it('fails, for the retry and the alarm, without a bucket or when the store fails', async () => {
    anchorStoreOfStage.mockReturnValue(undefined)
    await expect(handler()).rejects.toThrow('ANCHOR_BUCKET_NAME')
    anchorStoreOfStage.mockReturnValue({})
    anchorChangedChains.mockRejectedValue(new Error('AccessDenied'))
    await expect(handler()).rejects.toThrow('AccessDenied')
  })
})
