/**
 * Crisis resources shown behind "Need help now?" on every screen. The operator can replace the
 * defaults with a JSON file (HELP_RESOURCES_FILE); the defaults point to emergency numbers and a
 * directory of helplines, and say plainly that Attune is not an emergency service.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const helpResourceSchema = z.strictObject({
  name: z.string().min(1).max(120),
  description: z.string().max(400).default(''),
  phone: z.string().max(40).optional(),
  text: z.string().max(80).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
});

/** The whole help page's content. */
export const helpResourcesSchema = z.strictObject({
  intro: z.string().max(600),
  resources: z.array(helpResourceSchema).min(1).max(20),
});

/** What "Need help now?" shows. */
export type HelpResources = z.output<typeof helpResourcesSchema>;

/** Sensible defaults for anywhere: emergency numbers, then a directory of free helplines. */
export const DEFAULT_HELP_RESOURCES: HelpResources = {
  intro:
    'Attune is not an emergency service and cannot send help. If you or someone with you might be in danger, please contact emergency services or a crisis line now. Reaching out is a strong thing to do.',
  resources: [
    {
      name: 'Emergency services',
      description: 'If anyone is in immediate danger. In most of Europe dial 112; in the US and Canada 911; in the UK 999 or 112; in Australia 000.',
      phone: '112',
    },
    {
      name: '988 Suicide & Crisis Lifeline (US)',
      description: 'Free and confidential, any time of day. Call or text.',
      phone: '988',
      text: '988',
    },
    {
      name: 'Samaritans (UK and Ireland)',
      description: 'Someone to talk to, any time of day, about whatever is on your mind.',
      phone: '116 123',
    },
    {
      name: 'Find a helpline',
      description: 'A directory of free, confidential helplines in many countries.',
      url: 'https://findahelpline.com',
    },
  ],
};

/** The operator's resources from `path`, or the defaults when no file is configured. */
export function helpResourcesLoad(path: string | undefined): HelpResources {
  if (path === undefined) return DEFAULT_HELP_RESOURCES;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`HELP_RESOURCES_FILE ${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = helpResourcesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`HELP_RESOURCES_FILE ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not valid'}. See README for the format.`);
  }
  return parsed.data;
}
