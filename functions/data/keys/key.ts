/** What every group of key helpers shares: the table key, the area bucket of index partitions, IAM patterns. */
import { kabupatenOf } from '../../core/areas/area-code'

export interface Key {
  pk: string
  sk: string
}

/** The index partitions of an area sit under its kabupaten/kota; a province or `*` is its own. */
export const kabupatenBucket = (area: string): string => kabupatenOf(area) ?? area

/** IAM `dynamodb:LeadingKeys` pattern of every item whose partition starts with this template's head. */
export const leadingKeyPattern = (template: { prefix(): string }): string => `${template.prefix()}*`
