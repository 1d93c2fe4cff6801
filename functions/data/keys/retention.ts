/**
 * Retention (DESIGN §5, ADR 0006): one schedule item per closed case under the UTC month
 * it closed in, sorted by the closing instant; the daily job queries the months that may
 * be due instead of scanning cases.
 */
import { type Key, leadingKeyPattern } from './key'
import { keyShapes } from './shapes'

const { case: caseShape, retention, task, vervalDraft } = keyShapes

export const retentionSchedulePartition = (closingMonth: string): string =>
  retention.items.schedule.pk.format({ closingMonth })
export const retentionScheduleKey = (closingMonth: string, closedAt: string, caseId: string): Key =>
  retention.items.schedule.key({ closingMonth, closedAt, caseId })
/** Upper sort bound of the entries closed at or before an instant (`$` sorts right after `#`). */
export const retentionScheduleSortBound = (instantIso: string): string => `${instantIso}$`
/**
 * IAM `dynamodb:LeadingKeys` patterns of what the retention job touches, by what it does
 * there: schedule items and cases (with their step markers, which name the case's tasks)
 * it reads, updates and deletes; the tasks, whose decisions hold the same free text as
 * the case, it reads and updates; a bansos case's draft verval rows it only deletes.
 */
export const retentionJobKeyPatterns = {
  records: [leadingKeyPattern(retention.items.schedule.pk), leadingKeyPattern(caseShape.items.case.pk)],
  tasks: [leadingKeyPattern(task.items.task.pk)],
  drafts: [leadingKeyPattern(vervalDraft.items.draft.pk)],
} as const
