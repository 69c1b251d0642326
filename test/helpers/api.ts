// Test helper for the HTTP API in-process: JSON requests against createApp() with app.request.
import { createApp, type AppOptions } from "../../server/app.js";

export interface ApiReply<T = unknown> {
  status: number;
  type: string;
  body: T;
}

/** Sends one request to a fresh (or given) app; the body is JSON-encoded when it is not a string. */
export async function call<T = Record<string, unknown>>(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
    app?: ReturnType<typeof createApp>;
    options?: AppOptions;
  } = {},
): Promise<ApiReply<T>> {
  const app = init.app ?? createApp(init.options);
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === "string"
        ? init.body
        : JSON.stringify(init.body);
  const res = await app.request(path, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    ...(body !== undefined ? { body } : {}),
  });
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  return { status: res.status, type, body: (type.includes("json") ? JSON.parse(text) : text) as T };
}

/** Asserts the RFC 9457 shape and returns the problem. */
export function isProblem(r: ApiReply): r is ApiReply<{
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: (string | number)[]; pointer: string; message: string }[];
}> {
  return r.type.startsWith("application/problem+json");
}
