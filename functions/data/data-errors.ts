/**
 * What the data layer refuses, in its own terms: `data/` knows nothing of HTTP. The HTTP
 * runtime maps each to the contract's answer (`http/runtime/data-error-mapping.ts`).
 */
export class DataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** A list cursor that was not issued for this query: garbage, tampered, or another query's. */
export class InvalidCursorError extends DataError {
  constructor() {
    super('the cursor does not resume this query')
  }
}

/** Our own write contention outlasted its retries: the caller may retry shortly. */
export class DataBusyError extends DataError {
  constructor() {
    super('contention outlasted the retries')
  }
}
