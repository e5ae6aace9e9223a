/**
 * A tiny typed fetch client for the Hireline API.
 *
 * Paths, parameters, bodies and answers are typed from `schema.ts`, which
 * `openapi-typescript` generates from the API's OpenAPI document (`make clients`).
 * Every 4xx and 5xx answer is thrown as a `ProblemError` holding the RFC 9457 problem.
 */
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";
export type Problem = components["schemas"]["Problem"];
export type Schemas = components["schemas"];

type Method = "get" | "post" | "put" | "patch" | "delete";
type Path = keyof paths;
/** The paths that accept `M`. */
type PathFor<M extends Method> = {
  [P in Path]: paths[P][M] extends undefined | never ? never : P;
}[Path];
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;

type Parameters<O> = O extends { parameters: infer X } ? X : never;
type Defined<T> = { [K in keyof T as [T[K]] extends [never | undefined] ? never : K]: T[K] };
type BodyContent<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: infer C }
      ? C
      : never
  : never;
type RequestBody<O> = [BodyContent<O>] extends [never]
  ? never
  : BodyContent<O> extends { "application/json": infer B }
    ? B
    : FormData | URLSearchParams;
type Success<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 | 202 | 204
        ? R[S] extends { content: { "application/json": infer B } }
          ? B
          : undefined
        : never;
    }[keyof R]
  : never;

/** What a call sends: its parameters by location, and its body when it has one. */
export type RequestOptions<O> = Defined<Parameters<O>> &
  ([RequestBody<O>] extends [never] ? { body?: never } : { body: RequestBody<O> }) & {
    signal?: AbortSignal;
  };

/** A 4xx or 5xx answer, with its problem document (`type` is stable: branch on it). */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly headers: Headers,
  ) {
    super(`${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "ProblemError";
  }
}

export interface ClientOptions {
  /** Where the API is, e.g. `https://hireline.example.com`. */
  baseUrl: string;
  /** An access token or an API key, sent as `Authorization: Bearer`. */
  token?: string;
  fetch?: typeof fetch;
}

type Scalar = string | number | boolean;
type ParameterValues = Record<string, Scalar | Scalar[] | null | undefined>;

function expandPath(template: string, values: ParameterValues | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values?.[name];
    if (value === undefined || value === null || Array.isArray(value)) {
      throw new TypeError(`missing path parameter ${name}`);
    }
    return encodeURIComponent(String(value));
  });
}

function queryString(values: ParameterValues | undefined): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function createClient(options: ClientOptions) {
  const send = options.fetch ?? fetch;
  const baseUrl = options.baseUrl.replace(/\/$/, "");

  async function request<M extends Method, P extends PathFor<M>>(
    method: M,
    path: P,
    ...[init]: {} extends RequestOptions<Operation<P, M>>
      ? [init?: RequestOptions<Operation<P, M>>]
      : [init: RequestOptions<Operation<P, M>>]
  ): Promise<Success<Operation<P, M>>> {
    const given = (init ?? {}) as {
      path?: ParameterValues;
      query?: ParameterValues;
      header?: Record<string, string>;
      body?: unknown;
      signal?: AbortSignal;
    };
    const headers = new Headers(given.header);
    headers.set("Accept", "application/json, application/problem+json");
    if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
    let body: BodyInit | undefined;
    if (given.body instanceof FormData || given.body instanceof URLSearchParams) {
      body = given.body;
    } else if (given.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(given.body);
    }
    const url = baseUrl + expandPath(path as string, given.path) + queryString(given.query);
    const response = await send(url, { method: method.toUpperCase(), headers, body, signal: given.signal });
    if (response.status >= 400) {
      throw new ProblemError(response.status, (await response.json()) as Problem, response.headers);
    }
    if (response.status === 204 || response.headers.get("Content-Length") === "0") {
      return undefined as Success<Operation<P, M>>;
    }
    return (await response.json()) as Success<Operation<P, M>>;
  }

  return {
    request,
    get: <P extends PathFor<"get">>(path: P, ...init: OptionalInit<P, "get">) =>
      request("get", path, ...(init as never)),
    post: <P extends PathFor<"post">>(path: P, ...init: OptionalInit<P, "post">) =>
      request("post", path, ...(init as never)),
    put: <P extends PathFor<"put">>(path: P, ...init: OptionalInit<P, "put">) =>
      request("put", path, ...(init as never)),
    patch: <P extends PathFor<"patch">>(path: P, ...init: OptionalInit<P, "patch">) =>
      request("patch", path, ...(init as never)),
    delete: <P extends PathFor<"delete">>(path: P, ...init: OptionalInit<P, "delete">) =>
      request("delete", path, ...(init as never)),
  };
}

type OptionalInit<P extends Path, M extends Method> = {} extends RequestOptions<Operation<P, M>>
  ? [init?: RequestOptions<Operation<P, M>>]
  : [init: RequestOptions<Operation<P, M>>];

export type HirelineClient = ReturnType<typeof createClient>;
