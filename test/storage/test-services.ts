/**
 * URLs of the throwaway PostgreSQL and Redis that `.ci/start-services` starts. Locally, tests that
 * need them are skipped with the reason printed; in CI (CI=true) a missing URL is a failure, so a
 * broken CI setup cannot pass by silently skipping the real-database tests.
 */
export interface ServiceUrl {
  url: string | undefined;
  /** Why the dependent tests are skipped, when they are. */
  skipReason: string | undefined;
}

function serviceUrl(name: 'TEST_DATABASE_URL' | 'TEST_REDIS_URL', what: string): ServiceUrl {
  const url = process.env[name];
  if (url) return { url, skipReason: undefined };
  if (process.env.CI === 'true') {
    throw new Error(`${name} is not set but CI=true: CI must start ${what} (bash .ci/start-services && source .ci/services.env).`);
  }
  const skipReason = `${name} is not set; start ${what} with "bash .ci/start-services && source .ci/services.env" to run these tests.`;
  console.warn(`[skipped] ${skipReason}`);
  return { url: undefined, skipReason };
}

export const testDatabase = (): ServiceUrl => serviceUrl('TEST_DATABASE_URL', 'PostgreSQL 15');
export const testRedis = (): ServiceUrl => serviceUrl('TEST_REDIS_URL', 'Redis');
