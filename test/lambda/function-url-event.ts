// Lambda Function URL (API Gateway payload v2.0) events, shaped exactly as AWS delivers them.
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';

export const URL_HOST = 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws';

export interface EventInput {
  readonly method: string;
  readonly path?: string;
  readonly query?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** A Function URL event; a byte body (and, as AWS does, a form body) arrives base64-encoded. */
export function functionUrlEvent({ method, path = '/', query = '', headers = {}, body }: EventInput): LambdaEvent {
  const type = headers['content-type'] ?? '';
  const base64 = body instanceof Uint8Array || type.startsWith('application/x-www-form-urlencoded');
  const encoded = body === undefined ? undefined : base64 ? Buffer.from(body).toString('base64') : String(body);
  const queryStringParameters = Object.fromEntries(new URLSearchParams(query));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: {
      host: URL_HOST,
      'x-amzn-tls-version': 'TLSv1.3',
      'x-forwarded-proto': 'https',
      'x-forwarded-port': '443',
      'x-forwarded-for': '203.0.113.7',
      'x-amzn-trace-id': 'Root=1-67f0c0de-0123456789abcdef01234567',
      'user-agent': 'kazoo/4.3 (pivot)',
      ...(encoded === undefined ? {} : { 'content-length': String(body instanceof Uint8Array ? body.byteLength : Buffer.byteLength(String(body))) }),
      ...headers,
    },
    ...(query === '' ? {} : { queryStringParameters }),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz012345',
      domainName: URL_HOST,
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'kazoo/4.3 (pivot)' },
      requestId: 'c5b2f8a4-0d6e-4c59-a0f1-6a3b9e2d7c11',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:15:00:00 +0000',
      timeEpoch: 1795446000000,
    },
    ...(encoded === undefined ? {} : { body: encoded }),
    isBase64Encoded: encoded !== undefined && base64,
  } as unknown as LambdaEvent;
}

/** A Lambda context with `ms` left. */
export function lambdaContext(ms = 10_000): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'pivot-edge-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:pivot-edge-test',
    memoryLimitInMB: '256',
    awsRequestId: 'c5b2f8a4-0d6e-4c59-a0f1-6a3b9e2d7c11',
    logGroupName: '/aws/lambda/pivot-edge-test',
    logStreamName: '2026/11/23/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => ms,
  } as LambdaContext;
}

/** The body of a Lambda result as bytes (decoding base64 when flagged). */
export function resultBytes(result: { body: string; isBase64Encoded: boolean }): Buffer {
  return result.isBase64Encoded ? Buffer.from(result.body, 'base64') : Buffer.from(result.body);
}
