/**
 * Gentle prompts per person: their settings (JSON text, parsed by the caller with core's schema)
 * and the history of prompts shown, which `promptNext` reads so nothing repeats within a season.
 */
import type { Kysely } from 'kysely';
import type { JsonValue } from './event-store.ts';
import { toJsonText } from './append-checks.ts';
import type { DatabaseSchema } from './schema.ts';

/** One prompt shown to a person. */
export interface PromptShownRecord {
  readonly promptId: string;
  readonly shownAtMs: number;
  readonly dismissedAtMs: number | null;
}

/** Storage of prompt settings and history. */
export interface PromptStore {
  /** The stored settings, or null when the person never chose any. */
  settings(personId: string): Promise<JsonValue | null>;
  saveSettings(personId: string, settings: JsonValue, nowMs: number): Promise<void>;
  /** Prompts shown to the person at or after `sinceMs`, oldest first. */
  history(personId: string, sinceMs: number): Promise<PromptShownRecord[]>;
  recordShown(personId: string, promptId: string, atMs: number): Promise<void>;
  /** Marks the latest showing of `promptId` as set aside; false if it was never shown to them. */
  dismiss(personId: string, promptId: string, nowMs: number): Promise<boolean>;
}

/** `PromptStore` over the Kysely database. */
export class KyselyPromptStore implements PromptStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async settings(personId: string): Promise<JsonValue | null> {
    const row = await this.db.selectFrom('prompt_settings').select('settings').where('person_id', '=', personId).executeTakeFirst();
    return row === undefined ? null : (JSON.parse(row.settings) as JsonValue);
  }

  async saveSettings(personId: string, settings: JsonValue, nowMs: number): Promise<void> {
    const text = toJsonText(settings, 'prompt settings');
    await this.db
      .insertInto('prompt_settings')
      .values({ person_id: personId, settings: text, updated_at_ms: nowMs })
      .onConflict((conflict) => conflict.column('person_id').doUpdateSet({ settings: text, updated_at_ms: nowMs }))
      .execute();
  }

  async history(personId: string, sinceMs: number): Promise<PromptShownRecord[]> {
    const rows = await this.db
      .selectFrom('prompt_history')
      .select(['prompt_id', 'shown_at_ms', 'dismissed_at_ms'])
      .where('person_id', '=', personId)
      .where('shown_at_ms', '>=', sinceMs)
      .orderBy('shown_at_ms', 'asc')
      .orderBy('prompt_id', 'asc')
      .execute();
    return rows.map((row) => ({ promptId: row.prompt_id, shownAtMs: row.shown_at_ms, dismissedAtMs: row.dismissed_at_ms }));
  }

  async recordShown(personId: string, promptId: string, atMs: number): Promise<void> {
    await this.db
      .insertInto('prompt_history')
      .values({ person_id: personId, prompt_id: promptId, shown_at_ms: atMs, dismissed_at_ms: null })
      .onConflict((conflict) => conflict.columns(['person_id', 'shown_at_ms', 'prompt_id']).doNothing())
      .execute();
  }

  async dismiss(personId: string, promptId: string, nowMs: number): Promise<boolean> {
    const latest = await this.db
      .selectFrom('prompt_history')
      .select('shown_at_ms')
      .where('person_id', '=', personId)
      .where('prompt_id', '=', promptId)
      .orderBy('shown_at_ms', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest === undefined) return false;
    await this.db
      .updateTable('prompt_history')
      .set({ dismissed_at_ms: nowMs })
      .where('person_id', '=', personId)
      .where('prompt_id', '=', promptId)
      .where('shown_at_ms', '=', latest.shown_at_ms)
      .where('dismissed_at_ms', 'is', null)
      .execute();
    return true;
  }
}
