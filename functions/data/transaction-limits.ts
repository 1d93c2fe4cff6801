/** DynamoDB's limit of items in one TransactWriteItems: past it the whole request is refused. */
export const TRANSACTION_ITEMS = 100
