/**
 * Gentle prompts: each person's settings (off until they turn them on), the prompt to offer now
 * (core `promptNext` over their history; the one offered is recorded as shown), and setting one
 * aside. Asking again within the same slot gives the same prompt back rather than a new one, and
 * nothing once it was set aside: at most one prompt a slot, and no nagging.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { tzOffsetCheck } from '../../core/progress/local-calendar.ts';
import {
  GENTLE_PROMPTS,
  PROMPT_SEASON_MS,
  PROMPT_SETTINGS_OFF,
  promptNext,
  promptSettingsSchema,
  promptSlotAt,
  type GentlePrompt,
  type PromptSettings,
} from '../../core/prompts/index.ts';
import type { ServerContext } from '../context.ts';
import { betweenUsErrors, identityRequired } from './between-us-access.ts';
import { bodyParse } from './parse.ts';

const MS_PER_DAY = 24 * 60 * 60 * 1000;

const nextQuery = z.object({
  tzOffsetMin: z.coerce
    .number({ error: 'Send your time-zone offset in minutes (local time minus UTC).' })
    .int({ error: 'Send your time-zone offset in whole minutes.' })
    .refine(
      (value) => {
        try {
          tzOffsetCheck(value);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'A time-zone offset is whole minutes within 16 hours of UTC.' },
    ),
});

function promptView(prompt: GentlePrompt, shownAtMs: number) {
  return { promptId: prompt.id, theme: prompt.theme, text: prompt.text, shownAtMs };
}

/** Registers the prompt routes. */
export function promptRoutes(app: FastifyInstance, context: ServerContext): void {
  const { prompts } = context.betweenUs;

  async function settingsOf(personId: string): Promise<PromptSettings> {
    const stored = await prompts.settings(personId);
    if (stored === null) return PROMPT_SETTINGS_OFF;
    const parsed = promptSettingsSchema.safeParse(stored);
    // Settings that no longer read (the catalogue changed) mean off, never a surprise prompt.
    return parsed.success ? parsed.data : PROMPT_SETTINGS_OFF;
  }

  app.get('/api/prompts/settings', async (request) => {
    const identity = await identityRequired(context, request);
    return { settings: await settingsOf(identity.id) };
  });

  app.put('/api/prompts/settings', async (request) => {
    const settings = bodyParse(promptSettingsSchema, request.body);
    const identity = await identityRequired(context, request);
    await prompts.saveSettings(identity.id, settings, context.now());
    return { settings };
  });

  app.get('/api/prompts/next', async (request, reply) => {
    const { tzOffsetMin } = bodyParse(nextQuery, request.query);
    const identity = await identityRequired(context, request);
    reply.header('cache-control', 'no-store');
    const settings = await settingsOf(identity.id);
    const nowMs = context.now();
    const slot = promptSlotAt(settings, nowMs, tzOffsetMin);
    if (slot === null) return { prompt: null };
    // The season, and a day more so the slot that just opened is seen whole.
    const history = await prompts.history(identity.id, nowMs - PROMPT_SEASON_MS - MS_PER_DAY);
    const inSlot = history.filter((shown) => shown.shownAtMs >= slot.startMs && shown.shownAtMs < slot.endMs);
    const offered = inSlot.at(-1);
    if (offered !== undefined) {
      const prompt = GENTLE_PROMPTS.find((candidate) => candidate.id === offered.promptId);
      return { prompt: offered.dismissedAtMs === null && prompt !== undefined ? promptView(prompt, offered.shownAtMs) : null };
    }
    const prompt = promptNext(history, settings, nowMs, tzOffsetMin);
    if (prompt === null) return { prompt: null };
    await prompts.recordShown(identity.id, prompt.id, nowMs);
    return { prompt: promptView(prompt, nowMs) };
  });

  app.post<{ Params: { promptId: string } }>('/api/prompts/:promptId/dismiss', async (request, reply) => {
    const identity = await identityRequired(context, request);
    const { promptId } = request.params;
    if (!GENTLE_PROMPTS.some((prompt) => prompt.id === promptId)) throw betweenUsErrors.promptNotFound();
    if (!(await prompts.dismiss(identity.id, promptId, context.now()))) throw betweenUsErrors.promptNotFound();
    return reply.code(204).send();
  });

}
