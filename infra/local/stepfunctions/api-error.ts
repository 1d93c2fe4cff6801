/**
 * An error answered to a Step Functions API caller as AWS does: HTTP 400 with
 * `{"__type": "<code>", "message": "…"}`, which the AWS SDK surfaces as `error.name`.
 */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message)
    this.name = type
  }
}
