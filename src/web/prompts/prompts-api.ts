/**
 * Gentle prompts on the server: my settings (off until I turn them on), the prompt to offer now
 * (asked with this device's time-zone offset, so "18:30" means my 18:30), and setting one aside.
 * Kept free of the prompt catalogue and the progress code, because the home screen's card uses it
 * and the first page stays small.
 */
import { z } from 'zod';
import { apiCall } from '../api/http.ts';

/** A prompt as the server offers it. */
export const offeredPromptSchema = z.object({
  promptId: z.string(),
  theme: z.string(),
  text: z.string(),
  shownAtMs: z.number().optional(),
});

/** A prompt on offer now. */
export type OfferedPrompt = z.output<typeof offeredPromptSchema>;

/** This device's offset from UTC now, in minutes (local minus UTC), as the server expects it. */
export function deviceTzOffsetMin(): number {
  return -new Date().getTimezoneOffset() || 0;
}

/** The prompt to offer now, or null. */
export async function promptNextFetch(): Promise<OfferedPrompt | null> {
  const reply = await apiCall(`/api/prompts/next?tzOffsetMin=${String(deviceTzOffsetMin())}`, z.object({ prompt: offeredPromptSchema.nullable() }));
  return reply.prompt;
}

/** Sets the prompt aside: it is not offered again this time, and nothing is said about it. */
export async function promptDismiss(promptId: string): Promise<void> {
  await apiCall(`/api/prompts/${encodeURIComponent(promptId)}/dismiss`, z.unknown(), { method: 'POST', body: {} });
}
