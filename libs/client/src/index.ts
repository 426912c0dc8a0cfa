import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from './gateway-api.js';

/*
 * A typed client for game servers calling msdk-gateway: openapi-fetch over the types
 * openapi-typescript generates from docs/openapi.json (`npm run client:generate`). Request
 * bodies, MSDK's answers and the error envelope of each status are typed from the document.
 */

export type { components, operations, paths } from './gateway-api.js';

export interface GatewayClientOptions {
  /** The gateway's base URL, such as `http://msdk-gateway:3000`. */
  readonly baseUrl: string;
  /** The client key the gateway operators issued (sent as `Authorization: Bearer`). */
  readonly clientKey: string;
  /** The game to act for; needed only when the key may use several games. */
  readonly gameId?: string;
  /** A fetch to use instead of the global one. */
  readonly fetch?: ClientOptions['fetch'];
}

export type GatewayClient = Client<paths>;

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: {
      authorization: `Bearer ${options.clientKey}`,
      ...(options.gameId === undefined ? {} : { 'x-game-id': options.gameId }),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The operations that front an MSDK interface: every POST path. */
export type MsdkPath = {
  [P in keyof paths]: paths[P]['post'] extends { responses: object } ? P : never;
}[keyof paths];

type PostOf<P extends MsdkPath> = paths[P]['post'] & { requestBody: object; responses: object };
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** What the caller sends to an operation: `RequestOf<'/v1/relation/qqprofile'>`. */
export type RequestOf<P extends MsdkPath> = JsonOf<PostOf<P>['requestBody']>;
/** MSDK's answer (HTTP 200): `AnswerOf<'/v1/relation/qqprofile'>['nickName']` is a string. */
export type AnswerOf<P extends MsdkPath> = JsonOf<PostOf<P>['responses'][200]>;
/** The error statuses an operation can answer with. */
export type ErrorStatusOf<P extends MsdkPath> = Exclude<keyof PostOf<P>['responses'], 200>;
/** The error envelope of one status: its `error.code` is one of the codes that status carries. */
export type ErrorOf<P extends MsdkPath, S extends ErrorStatusOf<P>> = JsonOf<PostOf<P>['responses'][S]>;
