import { generateDemoHistory } from '@werkbezoek/demo';
import type { EventStore } from '@werkbezoek/eventstore';
import { ProgressBar } from '@werkbezoek/terminal';

/**
 * Loads the synthetic demo history (built on public facts about the
 * programme) into an empty store, through the real command handlers.
 */
export async function loadDemoHistory(
  store: EventStore,
  log: (message: string) => void,
  progress = true,
): Promise<void> {
  log('The store is empty: loading the synthetic demo history (2017 until today; DEMO_DATA=off to start empty).');
  const bar = progress ? new ProgressBar({ label: 'Demo history', unit: 'events' }) : undefined;
  const summary = await generateDemoHistory({
    store,
    seed: 1,
    scale: 1,
    // The history ends on the day the platform starts, so its pipeline of requests always lies ahead.
    today: new Date().toISOString().slice(0, 10),
    countEventTypes: false,
    ...(bar ? { onProgress: (p) => bar.update(p.events) } : {}),
  });
  bar?.finish(summary.events);
  log(
    `Demo history: ${summary.events} events, ${summary.twinnings} twinnings, ${summary.requests.submitted} requests, ` +
      `${summary.missions.completed} completed missions, ${summary.lessons.recorded} lessons.`,
  );
}
