/**
 * Parsing a request body with a zod schema beside its route; a failure becomes a 400 whose
 * message names the field and what to do.
 */
import type { z } from 'zod';
import { httpErrors } from './errors.ts';

/** The body parsed by `schema`, or an `invalid_body` error a person can act on. */
export function bodyParse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw httpErrors.invalidBody(`${field ? `${field}: ` : ''}${issue?.message ?? 'The request body was not understood.'}`);
}
