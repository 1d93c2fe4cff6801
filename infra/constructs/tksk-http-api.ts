/**
 * The HTTP API, built from the route table (functions/http/routes.ts): one Lambda proxy
 * route per deployed route, `$default` to the function that answers 404 (JSON in the
 * contract's shape under `/api`, an HTML page elsewhere). No API Gateway authorizer: JWTs are verified in the middleware so
 * that a 401 keeps the contract's error body (DESIGN §2).
 */
import { Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { IFunction } from 'aws-cdk-lib/aws-lambda'
import { LogGroup } from 'aws-cdk-lib/aws-logs'
import { Construct } from 'constructs'
import type { Resource, Route } from '../../functions/http/routes'
import { stageOf } from './stage'

export interface Throttle {
  rateLimit: number
  burstLimit: number
}

export interface TkskHttpApiProps {
  /** Stage-wide backstop; per-client limits live in the application (DESIGN §5). */
  throttle: Throttle
  /**
   * Each public route's own ceiling (`rateLimit: 'public'` in the route table: intake,
   * status, link posts), well below the stage's, so a flood of one of them is refused at
   * the gateway before it takes the capacity staff requests need.
   */
  publicRouteThrottle: Throttle
}

export interface RouteTable {
  routes: readonly Route[]
  defaultRouteResource: Resource
  functions: ReadonlyMap<Resource, IFunction>
}

// Paths only, never query strings: they carry link secrets (`k`) and birth dates.
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
)

const noAuthorizerReason =
  'JWTs (Cognito ID tokens) are verified in the handler middleware so unauthenticated requests ' +
  'get the contract-shaped 401 body; public routes (intake, status, links) need no token.'

export class TkskHttpApi extends Construct {
  readonly api: HttpApi
  readonly stage: HttpStage
  private readonly publicRouteThrottle: Throttle

  constructor(scope: Construct, id: string, props: TkskHttpApiProps) {
    super(scope, id)
    this.publicRouteThrottle = props.publicRouteThrottle
    this.api = new HttpApi(this, 'Api', { apiName: stageOf(this).namePrefix, createDefaultStage: false })
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stageOf(this).logRetention,
      removalPolicy: stageOf(this).removalPolicy,
    })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    })
  }

  /** Separate from the constructor: the functions need the API's URL before they can be routed to. */
  route({ routes, defaultRouteResource, functions }: RouteTable): void {
    const integrations = new Map<Resource, HttpLambdaIntegration>()
    const integrationFor = (resource: Resource): HttpLambdaIntegration => {
      let integration = integrations.get(resource)
      if (!integration) {
        const fn = functions.get(resource)
        if (!fn) throw new Error(`no function for the resource "${resource}" of a deployed route`)
        integration = new HttpLambdaIntegration(`${resource}Integration`, fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
          // One invoke permission per function (this API's routes), not one per route: at
          // 150 routes the per-route permissions took the stack past CloudFormation's 500
          // resources. Only this function's own routes integrate with it either way.
          scopePermissionToRoute: false,
        })
        integrations.set(resource, integration)
      }
      return integration
    }
    const httpRoutes = [
      ...routes.flatMap((route) =>
        this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration: integrationFor(route.resource),
        }),
      ),
      new HttpRoute(this, 'DefaultRoute', {
        httpApi: this.api,
        routeKey: HttpRouteKey.DEFAULT,
        integration: integrationFor(defaultRouteResource),
      }),
    ]
    for (const route of httpRoutes) {
      Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason: noAuthorizerReason })
    }
    const { rateLimit, burstLimit } = this.publicRouteThrottle
    ;(this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      routes
        .filter((route) => route.rateLimit === 'public')
        .map((route) => [
          `${route.method} ${route.path}`,
          // A JSON property: CloudFormation's own casing.
          { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit },
        ]),
    )
  }
}
