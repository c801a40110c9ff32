// `npm run migrations:seal`: seal new migrations in electron/db/migrations/SHA256SUMS (see electron/db/migrationSeals.ts).
import { sealMigrations } from '../electron/db/migrationSeals';

try {
  const { sealed, renamed } = sealMigrations();
  for (const name of sealed) console.log(`sealed ${name}`);
  for (const r of renamed) console.log(`renumbered ${r}`);
  if (!sealed.length && !renamed.length) console.log('every migration was already sealed');
} catch (e) {
  console.error(`錯誤：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
