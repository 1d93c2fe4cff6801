/** Settles the promise queue and one macrotask turn, without a fake clock moving. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Whether `promise` has settled after the queue and one macrotask turn. */
export const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false
  void promise.then(() => (done = true))
  await settle()
  return done
}
