/** Who is who in a report, named the way the report screen names them: the viewer is "You". */
import type { ReportPerson, SessionReport } from '../../core/report/session-report.ts';

/** "You" for the viewer, their display name for everyone else. */
export function personLabel(report: SessionReport, participantId: string): string {
  const person = report.people.find((candidate) => candidate.participantId === participantId);
  if (person === undefined) return 'Someone';
  return person.isViewer ? 'You' : person.displayName;
}

/** Possessive: "your" for the viewer, "Bo's" for someone else. */
export function personPossessive(report: SessionReport, participantId: string, capital = false): string {
  const label = personLabel(report, participantId);
  if (label === 'You') return capital ? 'Your' : 'your';
  return `${label}'s`;
}

/** Everyone but the viewer. */
export function othersOf(report: SessionReport): readonly ReportPerson[] {
  return report.people.filter((person) => !person.isViewer);
}

/** "Bo", "Bo and Cy", "Bo, Cy and Dee". */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Whether the report holds any heart rate or breathing at all. */
export function reportHasSignals(report: SessionReport): boolean {
  return report.series.some(
    (series) => series.heartRateBpm.some((value) => value !== null) || series.breathingRateBpm.some((value) => value !== null),
  );
}

/** Whether the viewer has body data of their own in this report. */
export function viewerHasSignals(report: SessionReport): boolean {
  return report.series.some((series) => series.participantId === report.viewerId && (series.atMs.length > 0 || series.rrCount > 0));
}

/** Whether there are beat-to-beat intervals to download. */
export function reportHasRr(report: SessionReport): boolean {
  return report.series.some((series) => series.rrCount > 0);
}
