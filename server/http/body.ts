import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError } from './errors';

/**
 * Reads a request body of at most `limit` bytes. A larger body is drained (up to 4× the limit, so the client
 * hears the 413 instead of a reset) and answered with too_large; beyond that the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (size > limit * 4) req.destroy();
    });
    const tooLargeError = () => new HttpError('too_large', `The request body is larger than the limit of ${limit} bytes.`);
    req.on('end', () => {
      if (tooLarge) reject(tooLargeError());
      else resolve(Buffer.concat(chunks, size));
    });
    req.on('error', reject);
    // A cut connection (or our own destroy above) ends without 'end': settle anyway so nothing waits forever.
    req.on('close', () => {
      if (!req.complete) reject(tooLarge ? tooLargeError() : new HttpError('invalid', 'The connection closed before the request body was complete.'));
    });
  });
}

/** Parses a body as JSON and then with `schema`; failures are bad_json / invalid with the offending field named. */
export function parseJsonBody<S extends z.ZodType>(bytes: Buffer, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new HttpError('bad_json', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
    throw new HttpError('invalid', `Invalid request: ${path}: ${issue?.message ?? 'wrong shape'}`);
  }
  return parsed.data;
}
