/**
 * The stateful stack (DESIGN §2 AWS): everything that holds data or identities and must
 * survive a redeploy of the code. Every resource is retained on stack deletion.
 * The stateless app stack receives these constructs through props.
 */
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib'
import { BackupPlan, BackupPlanRule, BackupResource } from 'aws-cdk-lib/aws-backup'
import type { Table } from 'aws-cdk-lib/aws-dynamodb'
import { Schedule } from 'aws-cdk-lib/aws-events'
import { Key } from 'aws-cdk-lib/aws-kms'
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses'
import type { Construct } from 'constructs'
import { auditTable, mainTable } from '../../functions/data/table-definitions'
import { type AnchorLockMode, AuditAnchorBucket } from '../constructs/audit-anchor-bucket'
import { tableFromDefinition } from '../constructs/definition-table'
import { NikPepperSecret } from '../constructs/nik-pepper-secret'
import { StaffDirectorySync } from '../constructs/staff-directory-sync'
import { AuditLoginTrigger } from '../constructs/audit-login-trigger'
import { StaffUserPool } from '../constructs/staff-user-pool'
import { stageOf } from '../constructs/stage'

export interface DataStackProps extends StackProps {
  /** Domain the emails are sent from (an SES domain identity; DKIM records to publish). */
  mailDomain: string
  authDomainPrefix: string
  anchorLockMode: AnchorLockMode
  anchorRetentionYears: number
}

export class DataStack extends Stack {
  readonly tableKey: Key
  readonly mainTable: Table
  readonly auditTable: Table
  readonly anchors: AuditAnchorBucket
  readonly mailIdentity: EmailIdentity
  readonly mailDomain: string
  readonly staff: StaffUserPool
  readonly staffSync: StaffDirectorySync
  readonly loginAudit: AuditLoginTrigger
  readonly nikPepper: NikPepperSecret

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props)
    this.mailDomain = props.mailDomain

    this.tableKey = new Key(this, 'TableKey', {
      alias: `alias/${stageOf(this).namePrefix}/tables`,
      description: 'Encrypts the tksk-flow state and audit tables (PII of residents)',
      enableKeyRotation: true,
      removalPolicy: stageOf(this).removalPolicy,
    })
    this.mainTable = tableFromDefinition(this, 'MainTable', mainTable, this.tableKey)
    this.auditTable = tableFromDefinition(this, 'AuditTable', auditTable, this.tableKey)

    this.anchors = new AuditAnchorBucket(this, 'AuditAnchors', {
      lockMode: props.anchorLockMode,
      retentionYears: props.anchorRetentionYears,
    })

    this.mailIdentity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(props.mailDomain),
    })
    this.staff = new StaffUserPool(this, 'Staff', { domainPrefix: props.authDomainPrefix })
    this.staffSync = new StaffDirectorySync(this, 'StaffSync', {
      userPool: this.staff.userPool,
      table: this.mainTable,
      tableKey: this.tableKey,
    })
    this.loginAudit = new AuditLoginTrigger(this, 'LoginAudit', {
      userPool: this.staff.userPool,
      auditTable: this.auditTable,
      tableKey: this.tableKey,
    })
    this.nikPepper = new NikPepperSecret(this, 'NikPepper')

    this.addTableBackups([this.mainTable, this.auditTable])
  }

  /**
   * Daily backups kept 35 days, on top of PITR: a copy outside the table that survives
   * a deleted table or a bad restore, and a place to add vault lock or cross-region copy.
   */
  private addTableBackups(tables: Table[]): void {
    const plan = new BackupPlan(this, 'TableBackups', {
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          // 18:00 UTC = 01:00 WIB, outside office hours.
          scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }),
          deleteAfter: Duration.days(35),
        }),
      ],
    })
    const selection = plan.addSelection('Tables', {
      resources: tables.map((table) => BackupResource.fromDynamoDbTable(table)),
    })
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service-role policy, maintained by AWS for the services it backs up; " +
        'a hand-written copy would drift from what the service needs.',
    })
  }
}
