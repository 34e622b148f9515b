import { startBundledServer } from './bundled-server.js';

/**
 * The bundled server in its own process, so load generators do not share its event loop. Prints
 * `LISTENING <url>`; extra arguments are KEY=VALUE config overrides; `--no-cache` disables the query cache.
 */
const parameters = process.argv.slice(2);
const environment = Object.fromEntries(parameters.filter((parameter) => parameter.includes('=')).map((parameter) => parameter.split(/=(.*)/s).slice(0, 2) as [string, string]));
const running = await startBundledServer({ environment, queryCache: !parameters.includes('--no-cache') });
process.stdout.write(`LISTENING ${running.url}\n`);
process.on('SIGTERM', () => {
  void running.server.close().then(() => process.exit(0));
});
