/**
 * The words of "What I share": a name and a plain explanation for each switch, the line saying
 * what someone else shares with me, and the confirmation after saving. Warm and plain, never
 * asking anyone to share more, never saying who paused something.
 */
import { SHARING_KINDS, type SharingKind, type SharingSettings } from '../../core/relationships/sharing.ts';
import { namesJoined } from './relationship-words.ts';

/** Each switch: its name in a list ("check-ins"), its label, and what it covers. */
export const SHARING_WORDS: Readonly<Record<SharingKind, { readonly inList: string; readonly label: string; readonly explain: string }>> = {
  checkIns: {
    inList: 'check-ins',
    label: 'Check-ins',
    explain:
      'How you are doing: check-ins and practices you chose to share here, and check-ins you shared in a session together, looked back on later.',
  },
  physiology: {
    inList: 'body signals',
    label: 'Body signals',
    explain:
      'Your heart rate and breathing from sessions started here, in the report afterwards and in the synchrony made from them. Off until you turn it on.',
  },
  reflections: {
    inList: 'reflections',
    label: 'Reflections',
    explain: 'Reflections you chose to share here: the two questions, the markers of change and your experiments.',
  },
  cycleMap: {
    inList: 'the cycle map',
    label: 'Cycle map',
    explain:
      'The loop you map together, and the moments you noticed it. It shows while you both share it; if either of you pauses it, it rests for both of you and nothing in it is lost.',
  },
};

/** What the section says before the switches. */
export const SHARING_INTRO =
  'Each of you chooses for yourself what the others here can see outside a live session. Turning something off hides it straight away; turning it on again shows it again. In a live session, what you choose there always comes first.';

/** The kinds switched on, and off, in a fixed order. */
function split(settings: SharingSettings): { on: string[]; off: string[] } {
  return {
    on: SHARING_KINDS.filter((kind) => settings[kind]).map((kind) => SHARING_WORDS[kind].inList),
    off: SHARING_KINDS.filter((kind) => !settings[kind]).map((kind) => SHARING_WORDS[kind].inList),
  };
}

/** What `name` shares with me, as one or two plain sentences. */
export function theirSharingWords(name: string, shares: SharingSettings): string {
  const { on, off } = split(shares);
  if (on.length === 0) return `${name} is not sharing anything with you outside live sessions right now.`;
  const shared = `${name} shares ${namesJoined(on)} with you.`;
  return off.length === 0 ? shared : `${shared} Not shared right now: ${namesJoined(off)}.`;
}

/** The confirmation after saving; `others` names the other members ("Bo", "Bo and Cy"), or null before anyone joined. */
export function sharingSavedWords(settings: SharingSettings, others: string | null): string {
  const { on, off } = split(settings);
  const whom = others ?? 'the others here';
  if (on.length === 0) return `Saved. Nothing of yours is shared with ${whom} now.`;
  const seen = `Saved. ${whom.charAt(0).toUpperCase()}${whom.slice(1)} can see: ${namesJoined(on)}.`;
  return off.length === 0 ? seen : `${seen} Everything else stays with you.`;
}

/** The note on the cycle-map card while the map rests; `pausedByMe` when my own switch is off. */
export function cycleRestingWords(pausedByMe: boolean): string {
  return pausedByMe
    ? 'You have paused sharing your cycle map, so it rests for both of you. Nothing in it is lost; turn it on again under “What I share” whenever you like.'
    : 'Your cycle map is resting for now, because sharing it is paused. Nothing in it is lost, and it comes back as it was once it is shared again.';
}
