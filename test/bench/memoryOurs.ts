// Run by the benchmark as plain Node on an esbuild bundle: the back end (the app's whole module graph) opens the national
// database and computes every figure on several dates, then reports its peak memory.   node memoryOurs.mjs <db>
import { openBackend } from '../../electron/backend';
import { DATES, report, sample } from './memoryReport';

const b = openBackend(process.argv[2], { actor: 'bench' });
const call = async (m: string, input: unknown) => {
  const r = await b.dispatch(m, input);
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  sample();
};
for (const date of DATES) {
  await call('roster.at', { date });
  await call('retention.at', { date });
  await call('supervision.at', { date });
  await call('caseload.at', { monthEnd: date });
}
await call('retention.trend', { end: '2025-06-30', months: 12 });
await call('headcount.year', { rocYear: 113 });
await call('headcount.year', { rocYear: 114 });
await call('people.list', {});
await call('training.year', { rocYear: 114 });
await call('volunteers.year', { rocYear: 114 });
await call('dashboard.home', {});
b.close();
report();
