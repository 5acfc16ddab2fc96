// Builders for the requests Kazoo sends, shared by the adapter tests.
import type { PivotRequest } from '../../shared/adapter/index.js';

export const BASE = 'https://pivot.example.com/pivot/start';

export function getRequest(query: string): Request {
  return new Request(`${BASE}?${query}`);
}

export function formPost(body: string, query = '', contentType: string | null = 'application/x-www-form-urlencoded'): Request {
  const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
  // A string body would get a default text/plain type; bytes get none.
  const payload = contentType === null ? new TextEncoder().encode(body) : body;
  return new Request(query === '' ? BASE : `${BASE}?${query}`, { method: 'POST', headers, body: payload });
}

export function jsonPost(body: unknown, query = ''): Request {
  return formPost(JSON.stringify(body), query, 'application/json');
}

/** A PivotRequest with nothing in it; tests spread their expectations over it. */
export const EMPTY: PivotRequest = {
  dialect: 'unknown',
  httpMethod: 'GET',
  userIds: [],
  digitCollections: {},
  customApplicationVars: {},
  customSipHeaders: {},
  params: {},
  problems: [],
};
