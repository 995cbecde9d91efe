/** Reflections: doing it all alone and small steps toward others; the two questions; markers of change. */
export * from './hyper-independence.ts';
export * from './interdependence-experiments.ts';
export * from './working-model.ts';
export * from './markers-of-change.ts';
export * from './change-in-words.ts';
