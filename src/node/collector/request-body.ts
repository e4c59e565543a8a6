/**
 * Turns a request into a validated event, or into the 4xx that says why
 * not. Pure checks on bytes and headers, kept apart from the server so each
 * kind of bad input is easy to test.
 */
import type { IncomingMessage } from 'node:http';
import { listeningEventSchema, type ListeningEvent } from '../../schemas/events.ts';

/** A refusal: HTTP status, a stable code for programs, a sentence for people. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  /** For invalid events: each field that is wrong and what it should be. */
  issues?: { field: string; message: string }[];
  /** Seconds to wait before trying again (429, 503). */
  retryAfter?: number;
  /** Methods the path accepts (405). */
  allow?: string;
}

/** Media types a page may send: sendBeacon with a string sends text/plain; fetch can send JSON. */
export const ACCEPTED_TYPES = ['text/plain', 'application/json'] as const;

/** Checks the Content-Type header: one of {@link ACCEPTED_TYPES}, UTF-8 if a charset is named. */
export function checkContentType(header: string | undefined): Refusal | undefined {
  const [type = '', ...params] = (header ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((param) => param.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if ((ACCEPTED_TYPES as readonly string[]).includes(type) && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return undefined;
  return {
    status: 415,
    code: 'unsupported-media-type',
    message: `Send the event as JSON with Content-Type text/plain or application/json (UTF-8); received ${header ? `"${header}"` : 'no Content-Type'}.`,
  };
}

/** Refusal for a body over the limit. */
export function tooLarge(limit: number): Refusal {
  return { status: 413, code: 'body-too-large', message: `An event is at most ${limit} bytes; this one is larger.` };
}

/**
 * Reads the body, stopping as soon as it passes `limit` bytes so a huge
 * upload costs no memory. Resolves with the bytes, or a 413 refusal.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | Refusal> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.off('end', onEnd);
        resolve(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes (strict UTF-8), parses JSON and validates against the event schema. */
export function parseEvent(body: Buffer): ListeningEvent | Refusal {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { status: 400, code: 'invalid-utf8', message: 'The body is not valid UTF-8 text.' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 400, code: 'invalid-json', message: 'The body is not valid JSON: send one event as a JSON object.' };
  }
  const result = listeningEventSchema.safeParse(json);
  if (result.success) return result.data;
  return {
    status: 422,
    code: 'invalid-event',
    message: 'The event does not match the schema (src/schemas/events.ts); nothing was stored.',
    issues: result.error.issues.map((issue) => ({
      field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(the event)'),
      message: issue.code === 'unrecognized_keys' ? `not a field of this event: ${issue.keys.join(', ')}` : issue.message,
    })),
  };
}

/** Whether a value is a refusal rather than a result. */
export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'status' in value && 'code' in value && !(value instanceof Buffer);
}
