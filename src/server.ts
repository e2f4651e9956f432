// Entry point: reads the environment, opens the store, prints a first admin token once, listens, closes on signals.
import { buildApp } from './app.js';
import { ensureAdminToken } from './tokens/tokens-repository.js';
import { ConfigError, loadConfig, type Config } from './config.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config).catch((err: unknown) => {
    // Durability or connection problems at start-up: one clear line, no stack.
    console.error(`Cannot start: ${err instanceof Error ? err.message : 'unknown error'}`);
    process.exit(1);
  });
  const created = await ensureAdminToken(app.repos.tokens, config.adminToken);
  if (created) {
    // Printed once, on stdout and not through the logger, so it never lands in log storage.
    console.log(`\nFirst start: an admin token was created. Keep it safe; it is not shown again:\n\n  ${created}\n`);
  }
  let closing = false;
  const close = (signal: string): void => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        // what failed to close, in one line (no request data is in a close error)
        console.error(`Shutdown failed: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => close('SIGTERM'));
  process.on('SIGINT', () => close('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : 'unknown error');
  process.exit(1);
});
