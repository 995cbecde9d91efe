/**
 * Accessibility check with axe-core: no violation of impact "serious" or "critical" on the page as
 * it is now (open dialogs included). Minor and moderate findings are printed, not failed.
 */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What axe returns (typed through AxeBuilder, so axe-core need not be a direct dependency). */
export type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
/** One rule's violation with the nodes it found. */
export type AxeViolation = AxeResults['violations'][number];

/** Impacts that fail a test. */
export const FAILING_IMPACTS: readonly string[] = ['serious', 'critical'];

/** Options for one check. */
export interface AxeCheckOptions {
  /** CSS selectors to leave out (for a third-party widget, say; the app should need none). */
  exclude?: readonly string[];
  /** Rule ids to switch off; say why at the call site. */
  disableRules?: readonly string[];
}

/** Readable lines for violations: id, impact, help, URL, and each node's target and summary. */
export function axeViolationsFormat(violations: readonly AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' / ');
          return `      - ${JSON.stringify(node.target)}${summary === '' ? '' : `: ${summary}`}`;
        })
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Waits (at most a second) for running CSS transitions and finite animations to finish, so axe
 * judges the colours a person sees once the screen is still, not a button half-way through a
 * 150 ms fade (which once read as low contrast). Endless animations, like the pacer, are left be.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((animation) => {
      const timing = animation.effect?.getComputedTiming();
      return timing !== undefined && Number.isFinite(timing.endTime ?? Infinity);
    });
    const settled = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
  });
}

/**
 * Runs axe on `page` and fails when any serious or critical violation is found, printing each
 * one's id, help and target nodes. `label` names the screen in messages. Returns the full results.
 */
export async function axeAssertClean(
  page: Page,
  label: string,
  options: AxeCheckOptions = {},
): Promise<AxeResults> {
  let builder = new AxeBuilder({ page });
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules !== undefined && options.disableRules.length > 0) {
    builder = builder.disableRules([...options.disableRules]);
  }
  await transitionsSettled(page);
  const results = await builder.analyze();
  const failing = results.violations.filter((violation) =>
    FAILING_IMPACTS.includes(violation.impact ?? ''),
  );
  const other = results.violations.filter(
    (violation) => !FAILING_IMPACTS.includes(violation.impact ?? ''),
  );
  if (other.length > 0) {
    console.log(
      `[axe] ${label}: ${other.length} minor/moderate finding(s), not failing:\n${axeViolationsFormat(other)}`,
    );
  }
  if (failing.length > 0) {
    const message = `axe found ${failing.length} serious/critical violation(s) on ${label} (${page.url()}):\n${axeViolationsFormat(failing)}`;
    console.error(message);
    assert.fail(message);
  }
  return results;
}
