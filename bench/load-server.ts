// The load benchmark's server (bench/load.ts), compiled and run in its own process as `npm start` runs: the app over
// the store the parent seeded (DATA_DIR, or DATABASE_URL and the schema in argv), with the per-address rate limit
// lifted, since all the load's clients share 127.0.0.1.
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureAdminToken } from '../src/tokens/tokens-repository.js';

const pgSchema = process.argv[2];
const config = { ...loadConfig(process.env), ...(pgSchema ? { pgSchema } : {}) };
const app = await buildApp(config, { requestsPerMinute: 10_000_000 });
await ensureAdminToken(app.repos.tokens, config.adminToken);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: config.port, host: '127.0.0.1' });
