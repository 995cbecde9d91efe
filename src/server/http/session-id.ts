/**
 * Session ids are UUIDs made by the server; anything else is refused before it costs a lookup.
 */
import { z } from 'zod';

/** A session id as it may appear in a path. */
export const sessionIdSchema = z.uuid();
