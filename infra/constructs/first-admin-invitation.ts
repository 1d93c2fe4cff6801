/**
 * The first admin of a deployment (issue 13, ADR 0015): on create (and when the email
 * or kabupaten changes) a custom resource invokes the admin function with
 * `{firstAdmin: {email, kabupaten}}`. The invitation itself (Cognito AdminCreateUser,
 * the directory entry, its audit entry) runs in the admin function, so the Cognito
 * admin permissions stay on that one function; the custom resource may only invoke it.
 */
import { Stack, Validations } from 'aws-cdk-lib'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources'
import { Construct } from 'constructs'

export interface FirstAdminInvitationProps {
  admin: IFunction
  email: string
  kabupaten: string
}

export class FirstAdminInvitation extends Construct {
  readonly resource: AwsCustomResource

  constructor(scope: Construct, id: string, props: FirstAdminInvitationProps) {
    super(scope, id)
    const invoke = {
      service: 'Lambda',
      action: 'invoke',
      parameters: {
        FunctionName: props.admin.functionName,
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify({ firstAdmin: { email: props.email, kabupaten: props.kabupaten } }),
      },
      physicalResourceId: PhysicalResourceId.of(`first-admin:${props.kabupaten}:${props.email}`),
    }
    this.resource = new AwsCustomResource(this, 'Invite', {
      onCreate: invoke,
      onUpdate: invoke,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.admin.functionArn] }),
      ]),
      installLatestAwsSdk: false,
    })
    // The provider function CDK shares across AwsCustomResources in the stack.
    const provider = Stack.of(this).node.tryFindChild(
      `AWS${AwsCustomResource.PROVIDER_FUNCTION_UUID.replaceAll('-', '')}`,
    )
    const target = provider ?? this
    Validations.of(target).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'The CDK custom-resource provider logs through AWSLambdaBasicExecutionRole; it may only invoke the admin function.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'The runtime of the CDK custom-resource provider is chosen by aws-cdk-lib; it runs once per deploy.',
      },
    )
  }
}
