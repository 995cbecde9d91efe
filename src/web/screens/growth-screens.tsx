/**
 * The screens of repair, reflections, progress and prompt settings, each loaded only when opened,
 * and the one function the app shell calls to pick among them. Kept apart from `app.tsx` so the
 * shell stays a short list and none of these screens (nor uPlot) is in the first page.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { reflectRouteOf } from '../reflections/reflect-routes.ts';
import { repairRouteOf } from '../repair/repair-routes.ts';

const RepairListScreen = lazyScreen<{ relationshipId: string }>(() => import('../repair/repair-list-screen.tsx'));
const RepairScreen = lazyScreen<{ relationshipId: string; repairId: string }>(() => import('../repair/repair-screen.tsx'));
const ReflectScreen = lazyScreen<object>(() => import('../reflections/reflect-screen.tsx'));
const HyperIndependenceScreen = lazyScreen<object>(() => import('../reflections/hyper-independence-screen.tsx'));
const TwoQuestionsScreen = lazyScreen<object>(() => import('../reflections/two-questions-screen.tsx'));
const MarkersScreen = lazyScreen<object>(() => import('../reflections/markers-screen.tsx'));
const ProgressScreen = lazyScreen<object>(() => import('../progress/progress-screen.tsx'));
const PromptSettingsScreen = lazyScreen<object>(() => import('../prompts/prompt-settings-screen.tsx'));

/** The path of the prompt settings screen. */
export const PROMPT_SETTINGS_PATH = '/settings/prompts';

/** The screen for `path` if it is one of these, else null. Keyed by id, so nothing carries over. */
export function growthScreenFor(path: string) {
  const repair = repairRouteOf(path);
  if (repair?.screen === 'list') return <RepairListScreen key={repair.relationshipId} relationshipId={repair.relationshipId} />;
  if (repair?.screen === 'repair') return <RepairScreen key={repair.repairId} relationshipId={repair.relationshipId} repairId={repair.repairId} />;
  switch (reflectRouteOf(path)) {
    case 'home':
      return <ReflectScreen />;
    case 'hyperIndependence':
      return <HyperIndependenceScreen />;
    case 'twoQuestions':
      return <TwoQuestionsScreen />;
    case 'markers':
      return <MarkersScreen />;
    case null:
      break;
  }
  if (path === '/progress' || path === '/progress/') return <ProgressScreen />;
  if (path === PROMPT_SETTINGS_PATH || path === `${PROMPT_SETTINGS_PATH}/`) return <PromptSettingsScreen />;
  return null;
}
