import { expect, it } from 'vitest';
import { allProjections } from '../projections.js';
import { defineProjection } from './projection.js';
import { partition, threadable } from './threads.js';

const cost = (group: readonly { cost?: number }[]) => group.reduce((sum, p) => sum + (p.cost ?? 1), 0);

it('finds the split whose costliest group costs least, where placing the costliest first does not', () => {
  // Costliest first into the lightest group gives {3, 2, 2} and {3, 2}: 7. Best is {3, 3} and {2, 2, 2}: 6.
  const projections = [3, 3, 2, 2, 2].map((cost, i) =>
    defineProjection({ name: `p${i}`, version: 1, cost, tables: [], handles: [], apply: () => {} }),
  );
  expect(partition(projections, 2).map(cost).sort()).toEqual([6, 6]);
});

it('of equally balanced splits, takes the one whose threads read the fewest event types twice', () => {
  const groups = partition(allProjections, 2).map((g) => g.map((p) => p.name).sort());
  // Of the splits that cost 14 each, the one whose threads read the fewest event types twice: the data-subject index,
  // which reads every event type with personal data, with the lessons and the plans.
  expect(groups).toContainEqual(['capacity', 'clusters', 'dashboard', 'history', 'missions', 'requests']);
  expect(groups.find((g) => g.includes('dataSubjects'))).toEqual(
    expect.arrayContaining(['dataSubjects', 'lessons', 'planning']),
  );
});

it('splits projections into groups of about equal cost, each projection once', () => {
  for (const count of [1, 2, 3, 4]) {
    const groups = partition(allProjections, count);
    expect(groups).toHaveLength(count);
    expect(
      groups
        .flat()
        .map((p) => p.name)
        .sort(),
    ).toEqual(allProjections.map((p) => p.name).sort());
    const costs = groups.map(cost);
    const heaviest = Math.max(...allProjections.map((p) => p.cost ?? 1));
    // Greedy placement: no group exceeds the lightest by more than one projection's cost.
    expect(Math.max(...costs) - Math.min(...costs)).toBeLessThanOrEqual(heaviest);
  }
  expect(partition(allProjections.slice(0, 2), 4)).toHaveLength(2);
});

it('runs only the platform’s own projections on threads, which load them by name', () => {
  expect(threadable(allProjections)).toBe(true);
  const local = defineProjection({ name: 'local', version: 1, tables: [], handles: [], apply: () => {} });
  expect(threadable([...allProjections, local])).toBe(false);
});
