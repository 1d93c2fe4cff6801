/**
 * A DynamoDB table built from its definition in functions/data/table-definitions.ts, the
 * same definition the local platform creates its tables from, so keys and indexes are
 * never restated here. `Table` rather than `TableV2`: cdk-nag's PITR and backup-plan
 * rules (DDB3, DDB4) inspect `AWS::DynamoDB::Table` only.
 */
import {
  type Attribute,
  AttributeType,
  BillingMode,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb'
import type { IKey } from 'aws-cdk-lib/aws-kms'
import type { Construct } from 'constructs'
import type { KeyAttribute, TableDefinition } from '../../functions/data/table-definitions'
import { stageOf } from './stage'

const attribute = (key: KeyAttribute): Attribute => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
})

export const tableFromDefinition = (
  scope: Construct,
  id: string,
  definition: TableDefinition,
  encryptionKey: IKey,
): Table => {
  const table = new Table(scope, id, {
    partitionKey: attribute(definition.partitionKey),
    sortKey: attribute(definition.sortKey),
    timeToLiveAttribute: definition.timeToLiveAttribute,
    ...(definition.stream ? { stream: StreamViewType.NEW_IMAGE } : {}),
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.CUSTOMER_MANAGED,
    encryptionKey,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: stageOf(scope).deletionProtection,
    removalPolicy: stageOf(scope).removalPolicy,
  })
  for (const index of definition.globalSecondaryIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
    })
  }
  return table
}
