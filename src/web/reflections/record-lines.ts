/**
 * Any shared record in a few plain lines, for someone reading what was shared with them: a title
 * ("Markers of change") and label–text pairs. A body that cannot be read gives one quiet line
 * rather than a half-shown entry.
 */
import type { PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import { checkInRecordBodySchema, soloPracticeRecordBodySchema } from '../../core/protocol/personal-record-bodies.ts';
import { durationInWords, practiceById } from '../../core/practices/index.ts';
import {
  CHANGE_MARKERS,
  HOW_IT_FELT_ANCHORS,
  WORKING_MODEL_QUESTIONS,
  changeMarkerRatingSchema,
  experimentLogEntrySchema,
  interdependenceExperimentById,
  workingModelAnswerSchema,
} from '../../core/reflections/index.ts';
import { NERVOUS_SYSTEM_STATE_LABELS } from '../../core/states/nervous-system-state.ts';

/** One line: what it is, and what was said. */
export interface RecordLine {
  readonly label: string;
  readonly text: string;
}

/** A record as a title and lines. */
export interface RecordLines {
  readonly title: string;
  readonly lines: readonly RecordLine[];
}

const UNREADABLE: RecordLine[] = [{ label: 'Note', text: 'This entry could not be shown here.' }];

/** The record in plain lines. */
export function recordLinesOf(record: PersonalRecordView): RecordLines {
  switch (record.kind) {
    case 'workingModel': {
      const parsed = workingModelAnswerSchema.safeParse(record.body);
      if (!parsed.success) return { title: 'Two questions about closeness', lines: UNREADABLE };
      const answer = parsed.data;
      const question = WORKING_MODEL_QUESTIONS.find((candidate) => candidate.id === answer.questionId);
      const lines: RecordLine[] = [{ label: 'The question', text: question?.question ?? '' }];
      if (answer.value !== null) lines.push({ label: 'Number', text: `${String(answer.value)} of 10` });
      if (answer.words !== '') lines.push({ label: 'In words', text: answer.words });
      return { title: question?.shortName ?? 'Two questions about closeness', lines };
    }
    case 'changeMarkers': {
      const parsed = changeMarkerRatingSchema.safeParse(record.body);
      if (!parsed.success) return { title: 'Markers of change', lines: UNREADABLE };
      const { ratings } = parsed.data;
      return {
        title: 'Markers of change',
        lines: CHANGE_MARKERS.flatMap((marker) => {
          const value = ratings[marker.id];
          return value === undefined ? [] : [{ label: marker.shortName, text: `${String(value)} of 10` }];
        }),
      };
    }
    case 'experiment': {
      const parsed = experimentLogEntrySchema.safeParse(record.body);
      if (!parsed.success) return { title: 'A small experiment', lines: UNREADABLE };
      const entry = parsed.data;
      const experiment = interdependenceExperimentById(entry.experimentId);
      const lines: RecordLine[] = [{ label: 'The experiment', text: experiment?.invitation ?? '' }];
      if (entry.howItWent !== '') lines.push({ label: 'How it went', text: entry.howItWent });
      if (entry.howItFelt !== null) lines.push({ label: 'How it felt', text: HOW_IT_FELT_ANCHORS[entry.howItFelt as 1 | 2 | 3 | 4 | 5] });
      return { title: experiment?.title ?? 'A small experiment', lines };
    }
    case 'checkIn': {
      const parsed = checkInRecordBodySchema.safeParse(record.body);
      if (!parsed.success) return { title: 'A check-in', lines: UNREADABLE };
      const checkIn = parsed.data;
      const lines: RecordLine[] = [
        { label: 'Feeling', text: NERVOUS_SYSTEM_STATE_LABELS[checkIn.state].plain },
        { label: 'How strongly', text: `${String(checkIn.intensity)} of 10` },
      ];
      if (checkIn.tags.length > 0) lines.push({ label: 'In the body', text: checkIn.tags.join(', ') });
      if (checkIn.note !== '') lines.push({ label: 'Note', text: checkIn.note });
      return { title: 'A check-in', lines };
    }
    case 'soloPractice': {
      const parsed = soloPracticeRecordBodySchema.safeParse(record.body);
      if (!parsed.success) return { title: 'A practice', lines: UNREADABLE };
      const practice = practiceById(parsed.data.practiceId);
      return { title: practice?.title ?? 'A practice', lines: [{ label: 'Length', text: durationInWords(parsed.data.durationMs) }] };
    }
  }
}
