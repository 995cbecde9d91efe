/** Where the reflection screens live, and reading a path back into one. */

/** Each reflection screen's path. */
export const REFLECT_PATHS = {
  home: '/reflect',
  hyperIndependence: '/reflect/hyper-independence',
  twoQuestions: '/reflect/two-questions',
  markers: '/reflect/markers',
} as const;

/** One reflection screen. */
export type ReflectScreenId = keyof typeof REFLECT_PATHS;

/** The reflection screen a path asks for, or null when it is not one of them. */
export function reflectRouteOf(path: string): ReflectScreenId | null {
  const trimmed = path.length > 1 ? path.replace(/\/$/, '') : path;
  for (const [screen, screenPath] of Object.entries(REFLECT_PATHS) as [ReflectScreenId, string][]) {
    if (trimmed === screenPath) return screen;
  }
  return null;
}
