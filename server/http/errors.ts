import type { ServerResponse } from 'node:http';
import type { ErrorResponse, SyncErrorCode } from '../../shared/sync/protocol';

const STATUS: Record<SyncErrorCode, number> = {
  bad_json: 400,
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  too_large: 413,
  not_found: 404,
  gap: 409,
  epoch_changed: 409,
  hash_mismatch: 400,
  bad_enrollment: 401,
  audit_broken: 409,
  internal: 500,
};

/** An expected failure of a request: becomes `{error:{code,message}, ...details}` with the code's status. */
export class HttpError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details: Omit<ErrorResponse, 'error'> = {},
  ) {
    super(message);
  }
}

/** Writes a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes an error answer. */
export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ErrorResponse = { error: { code: error.code, message: error.message }, ...error.details };
  sendJson(res, STATUS[error.code], body);
}
