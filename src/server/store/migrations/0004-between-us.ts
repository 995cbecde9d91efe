/**
 * Between us (issue 5): relationships and their invites, the event logs of cycle maps and
 * repairs, "our cycle is here" moments, personal records with their sharing, gentle prompts, and
 * an audit of reads of other people's shared records. Only types and constraints both SQLite and
 * Postgres understand, as in 0001.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates every between-us table, and an index that lets progress find a person's session events. */
export const betweenUs: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('relationships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .execute();

    // One row per person ever in a relationship; left_at_ms set means they are no longer in it.
    await db.schema
      .createTable('relationship_members')
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('joined_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('left_at_ms', 'bigint')
      .addPrimaryKeyConstraint('relationship_members_pk', ['relationship_id', 'person_id'])
      .execute();
    await db.schema.createIndex('relationship_members_by_person').on('relationship_members').column('person_id').execute();

    // Like session invites, only the token's hash is kept; an invite works once.
    await db.schema
      .createTable('relationship_invites')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('used_at_ms', 'bigint')
      .addColumn('used_by', 'text')
      .addColumn('revoked_at_ms', 'bigint')
      .execute();
    await db.schema.createIndex('relationship_invites_by_relationship').on('relationship_invites').column('relationship_id').execute();

    // Live sessions started from a relationship, so a session can offer "our cycle is here".
    await db.schema
      .createTable('relationship_sessions')
      .addColumn('session_id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('relationship_sessions_by_relationship').on('relationship_sessions').column('relationship_id').execute();

    // The logs of cycle maps and repairs: which relationship each belongs to; `last_seq` is the
    // row every appender conditionally bumps (the per-log write lock, as `sessions.last_seq`).
    await db.schema
      .createTable('between_us_logs')
      .addColumn('log_id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('between_us_logs_by_relationship')
      .on('between_us_logs')
      .columns(['relationship_id', 'kind', 'created_at_ms'])
      .execute();

    await db.schema
      .createTable('between_us_events')
      .addColumn('log_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('command_id', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('between_us_events_pk', ['log_id', 'seq'])
      .execute();

    await db.schema
      .createTable('between_us_commands')
      .addColumn('log_id', 'text', (c) => c.notNull())
      .addColumn('command_id', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('first_seq', 'integer')
      .addColumn('last_seq', 'integer')
      .addPrimaryKeyConstraint('between_us_commands_pk', ['log_id', 'command_id'])
      .execute();

    await db.schema
      .createTable('cycle_moments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cycle_moments_by_relationship').on('cycle_moments').columns(['relationship_id', 'at_ms']).execute();

    await db.schema
      .createTable('personal_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('shared_with', 'text')
      .addColumn('shared_at_ms', 'bigint')
      .execute();
    await db.schema.createIndex('personal_records_by_owner').on('personal_records').columns(['owner_id', 'kind', 'at_ms']).execute();
    await db.schema.createIndex('personal_records_by_share').on('personal_records').column('shared_with').execute();

    await db.schema
      .createTable('prompt_settings')
      .addColumn('person_id', 'text', (c) => c.primaryKey())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('prompt_history')
      .addColumn('person_id', 'text', (c) => c.notNull())
      .addColumn('prompt_id', 'text', (c) => c.notNull())
      .addColumn('shown_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('dismissed_at_ms', 'bigint')
      .addPrimaryKeyConstraint('prompt_history_pk', ['person_id', 'shown_at_ms', 'prompt_id'])
      .execute();

    // DESIGN, Security: each read of another person's shared data is recorded.
    await db.schema
      .createTable('shared_access_audit')
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('viewer_id', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('relationship_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shared_access_audit_by_owner').on('shared_access_audit').columns(['owner_id', 'at_ms']).execute();

    // Progress reads a person's own check-ins and joins from the live-session log.
    await db.schema.createIndex('session_events_by_actor').on('session_events').columns(['actor_id', 'type']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('session_events_by_actor').execute();
    for (const table of [
      'shared_access_audit',
      'prompt_history',
      'prompt_settings',
      'personal_records',
      'cycle_moments',
      'between_us_commands',
      'between_us_events',
      'between_us_logs',
      'relationship_sessions',
      'relationship_invites',
      'relationship_members',
      'relationships',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
