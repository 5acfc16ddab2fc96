import { AwsClient } from 'aws4fetch';
import { putInParts } from './put-in-parts.js';
import type { BlobInfo, BlobStore } from './types.js';

export interface S3Options {
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** Path-style endpoint for S3-compatible servers (tests use s3rver); default: AWS virtual-hosted. */
  readonly endpoint?: string;
  /** Part size for uploads of unknown length (default 8 MiB; S3 needs at least 5 MiB). */
  readonly partSize?: number;
}

/**
 * BlobStore on S3 through aws4fetch (SigV4 over fetch, ~2.5 KB): the AWS SDK v3 S3 client would
 * add hundreds of KB to the Lambda bundle for four REST calls. Known lengths stream in one PUT
 * with an unsigned payload; unknown lengths use a multipart upload, aborted on any error.
 */
export function createS3BlobStore(options: S3Options): BlobStore {
  const credentials = {
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    ...(options.sessionToken === undefined ? {} : { sessionToken: options.sessionToken }),
    service: 's3',
    region: options.region,
  };
  const client = new AwsClient({ ...credentials, retries: 3 });
  // A consumed stream cannot be sent twice, so streaming requests are never retried here.
  const once = new AwsClient({ ...credentials, retries: 0 });
  const base = options.endpoint === undefined
    ? `https://${options.bucket}.s3.${options.region}.amazonaws.com`
    : `${options.endpoint.replace(/\/+$/, '')}/${options.bucket}`;
  const partSize = options.partSize ?? 8 * 1024 * 1024;
  const urlOf = (key: string, query = ''): string =>
    `${base}/${key.split('/').map(encodeURIComponent).join('/')}${query}`;

  async function call(aws: AwsClient, url: string, init: RequestInit, ok: (status: number) => boolean = (s) => s < 300): Promise<Response> {
    const response = await aws.fetch(url, init);
    if (!ok(response.status)) {
      const text = await response.text().catch(() => '');
      throw new Error(`S3 ${init.method ?? 'GET'} ${new URL(url).pathname}: ${response.status} ${xmlValue(text, 'Code') ?? ''}`);
    }
    return response;
  }

  const putMultipart = (key: string, body: ReadableStream<Uint8Array>, contentType: string): Promise<number> =>
    putInParts(body, partSize, {
      putWhole: async (data) => void (await call(client, urlOf(key), { method: 'PUT', body: data, headers: { 'Content-Type': contentType } })),
      begin: async () => {
        const created = await call(client, urlOf(key, '?uploads'), { method: 'POST', headers: { 'Content-Type': contentType } });
        const uploadId = xmlValue(await created.text(), 'UploadId');
        if (uploadId === undefined) throw new Error('S3 did not return an UploadId');
        const upload = `uploadId=${encodeURIComponent(uploadId)}`;
        const etags: string[] = [];
        return {
          part: async (partNumber, data) => {
            const response = await call(client, urlOf(key, `?partNumber=${partNumber}&${upload}`), { method: 'PUT', body: data });
            etags.push(response.headers.get('ETag') ?? '');
          },
          complete: async () => {
            const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join('');
            const done = await call(client, urlOf(key, `?${upload}`), {
              method: 'POST',
              body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`,
              headers: { 'Content-Type': 'application/xml' },
            });
            // S3 may answer 200 with an <Error> body when completion fails late.
            if ((await done.text()).includes('<Error>')) throw new Error('S3 CompleteMultipartUpload failed');
          },
          abort: async () => void (await client.fetch(urlOf(key, `?${upload}`), { method: 'DELETE' })),
        };
      },
    });

  return {
    async putStream(key, body, { contentType, length }) {
      if (length === undefined) return putMultipart(key, body, contentType);
      try {
        await call(once, urlOf(key), {
          method: 'PUT',
          body,
          headers: { 'Content-Type': contentType, 'Content-Length': String(length) },
        });
      } catch (error) {
        // S3 drops a PUT cut short; some S3-compatible servers keep the part. Keys given to
        // putStream are always fresh, so removing what may be there cannot lose older data.
        await client.fetch(urlOf(key), { method: 'DELETE' }).catch(() => undefined);
        throw error;
      }
      return length;
    },

    async putBytes(key, data, contentType) {
      await call(client, urlOf(key), { method: 'PUT', body: data, headers: { 'Content-Type': contentType } });
    },

    async getStream(key, range) {
      const headers: Record<string, string> = range === undefined ? {} : { Range: `bytes=${range.offset}-${range.offset + range.length - 1}` };
      const response = await call(client, urlOf(key), { headers }, (s) => s < 300 || s === 404);
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      return response.body ?? new Response('').body;
    },

    async getText(key) {
      const response = await call(client, urlOf(key), {}, (s) => s < 300 || s === 404);
      const text = await response.text();
      return response.status === 404 ? null : text;
    },

    async list(prefix, { startAfter, limit }) {
      // ListObjects v1 (`marker` is v2's `start-after`): s3rver's v2 crashes on truncated pages
      // under OpenSSL 3, and v1 behaves the same on AWS for a plain prefix listing.
      const query = new URLSearchParams({ prefix, 'max-keys': String(limit) });
      if (startAfter !== undefined) query.set('marker', startAfter);
      const xml = await (await call(client, `${base}/?${query.toString()}`, {})).text();
      const items: BlobInfo[] = [];
      for (const [, contents = ''] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = xmlValue(contents, 'Key');
        if (key === undefined) continue;
        items.push({
          key,
          size: Number(xmlValue(contents, 'Size') ?? 0),
          modified: new Date(xmlValue(contents, 'LastModified') ?? 0),
        });
      }
      return { items, truncated: xmlValue(xml, 'IsTruncated') === 'true' };
    },

    async delete(keys) {
      // One DELETE per key: DeleteObjects needs a Content-MD5, which WebCrypto cannot compute.
      await Promise.all(keys.map((key) => call(client, urlOf(key), { method: 'DELETE' }, (s) => s < 300 || s === 404)));
    },
  };
}

function xmlValue(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  if (match?.[1] === undefined) return undefined;
  return match[1]
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
