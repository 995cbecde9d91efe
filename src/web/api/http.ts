/**
 * Calls to Attune's own HTTP API. Every failure becomes an `ApiError` carrying the server's
 * stable code and its sentence, ready to show.
 */
import type { z } from 'zod';

/** A failed API call, with something a person can read. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string };
}

/**
 * GET, POST, PUT or DELETE JSON to `/api/...`; resolves with the body checked by `schema`, or throws
 * `ApiError`. A 204 with no body is checked as `{}`.
 */
export async function apiCall<S extends z.ZodType>(
  path: string,
  schema: S,
  options: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; body?: unknown } = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch {
    throw new ApiError(0, 'offline', 'Attune could not be reached. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body as ErrorBody).error;
    throw new ApiError(response.status, error?.code ?? 'unknown', error?.message ?? 'Something went wrong. Please try again.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'unexpected_reply', 'Attune answered in a way this page did not expect. Reloading usually helps.');
  return parsed.data;
}
