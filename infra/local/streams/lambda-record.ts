/** A DynamoDB Streams record as the Lambda event source mapping hands it to a function. */
import type { _Record } from '@aws-sdk/client-dynamodb-streams'
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda'

/** The SDK's record in the shape Lambda delivers it (dates as epoch seconds, the stream's ARN). */
export const toLambdaRecord = (record: _Record, streamArn: string): DynamoDBRecord => {
  const change = record.dynamodb
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change?.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: change?.Keys as Record<string, AttributeValue> | undefined,
      NewImage: change?.NewImage as Record<string, AttributeValue> | undefined,
      OldImage: change?.OldImage as Record<string, AttributeValue> | undefined,
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  }
}
