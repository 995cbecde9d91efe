/** The practice catalogue: shapes, settings, definitions and the rules for offering them. */
export * from './practice-definition.ts';
export * from './parameters.ts';
export * from './catalogue.ts';
export * from './wording.ts';
