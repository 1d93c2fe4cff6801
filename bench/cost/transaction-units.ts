/**
 * Write units of a TransactWriteItems as DynamoDB bills them. DynamoDB Local answers a
 * transaction's ConsumedCapacity as if it held one item, whatever its size (measured:
 * 1, 2, 10 and 100 puts of 1.5 KB all report 4 table units), so the cost run computes
 * it instead: each item costs 2 units per started KB, once for the table and once for
 * every global secondary index whose key it carries (indexes project ALL). Puts are sized
 * from the request; updates, deletes and condition checks from the stored item read back
 * after the call (a deleted item counts its key), which is DynamoDB's own rule for an
 * update (the larger of before and after) only approximately: the after image is used.
 */
import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { auditTable, mainTable, type TableDefinition } from '../../functions/data/table-definitions'

type Item = Record<string, AttributeValue>
interface TransactWriteItem {
  Put?: { TableName?: string; Item?: Item }
  Update?: { TableName?: string; Key?: Item }
  Delete?: { TableName?: string; Key?: Item }
  ConditionCheck?: { TableName?: string; Key?: Item }
}

/** DynamoDB's item size: attribute names plus values (numbers, sets and nesting approximated by their text). */
export const itemBytes = (item: Item): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0)

const valueBytes = (value: AttributeValue): number => {
  if (value.S !== undefined) return Buffer.byteLength(value.S)
  if (value.N !== undefined) return Math.ceil(value.N.length / 2) + 1
  if (value.B !== undefined) return value.B.byteLength
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1
  if (value.SS) return value.SS.reduce((s, v) => s + Buffer.byteLength(v), 0)
  if (value.NS) return value.NS.reduce((s, v) => s + Math.ceil(v.length / 2) + 1, 0)
  if (value.L) return 3 + value.L.reduce((s, v) => s + 1 + valueBytes(v), 0)
  if (value.M) return 3 + itemBytes(value.M)
  return 0
}

const definitionOf = (tableName: string): TableDefinition =>
  tableName.endsWith('-audit') ? auditTable : mainTable

/** Units of one item: 2 per started KB, for the table and each index it is in. */
export const transactionalItemUnits = (item: Item, definition: TableDefinition): number => {
  const kb = Math.max(1, Math.ceil(itemBytes(item) / 1024))
  const indexes = definition.globalSecondaryIndexes.filter(
    (index) => item[index.partitionKey.name] !== undefined,
  ).length
  return 2 * kb * (1 + indexes)
}

/** Marshalled transaction items (the serialised request), priced after the call. */
export const transactionUnits = async (
  client: DynamoDBClient,
  items: readonly TransactWriteItem[],
): Promise<number> => {
  let units = 0
  for (const entry of items) {
    const put = entry.Put
    if (put?.Item && put.TableName) {
      units += transactionalItemUnits(put.Item, definitionOf(put.TableName))
      continue
    }
    const other = entry.Update ?? entry.Delete ?? entry.ConditionCheck
    if (!other?.Key || !other.TableName) continue
    const { Item } = await client.send(
      new GetItemCommand({ TableName: other.TableName, Key: other.Key, ConsistentRead: true }),
    )
    units += transactionalItemUnits(Item ?? other.Key, definitionOf(other.TableName))
  }
  return units
}
