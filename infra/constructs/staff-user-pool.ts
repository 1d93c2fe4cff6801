/**
 * The staff directory (DESIGN §1 roles): Cognito issues the ID tokens the middleware
 * verifies, with the role and area as custom claims. Residents and providers have no
 * accounts, so sign-up is closed; every staff user has a TOTP second factor because
 * staff can reveal PII.
 */
import { Duration } from 'aws-cdk-lib'
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'
import { stageOf } from './stage'

export interface StaffUserPoolProps {
  /** Prefix of the hosted UI domain `<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string
}

export class StaffUserPool extends Construct {
  readonly userPool: UserPool
  readonly domain: UserPoolDomain

  constructor(scope: Construct, id: string, props: StaffUserPoolProps) {
    super(scope, id)
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      // A new address counts only once its owner types the code sent to it; until then
      // sign-in and mail keep the old, verified one (the links and alerts go there).
      autoVerify: { email: true },
      keepOriginal: { email: true },
      // Mutable: an admin moves a TKSK to another kecamatan or changes a role.
      customAttributes: {
        role: new StringAttribute({ minLen: 3, maxLen: 20, mutable: true }),
        area: new StringAttribute({ minLen: 1, maxLen: 13, mutable: true }),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Plus: compromised-credential and adaptive-authentication protection for accounts
      // that can reveal PII; a few hundred staff users cost a few dollars a month.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Accounts are created by an admin; the staff read Bahasa Indonesia.
      userInvitation: {
        emailSubject: 'Akun tksk-flow Anda',
        emailBody:
          'Akun tksk-flow Anda telah dibuat. Nama pengguna: {username}. Kata sandi sementara: {####}. ' +
          'Ganti kata sandi dan pasang aplikasi autentikator saat masuk pertama kali.',
      },
      userVerification: {
        emailSubject: 'Kode verifikasi tksk-flow',
        emailBody: 'Kode verifikasi Anda: {####}',
      },
      deletionProtection: stageOf(this).deletionProtection,
      removalPolicy: stageOf(this).removalPolicy,
    })
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } })
  }
}
