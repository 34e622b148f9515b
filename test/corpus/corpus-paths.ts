import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Paths to the bundled resolutions and the shared Security Council test bed, for corpus tests. */
export const migrants2021Path = fileURLToPath(new URL('../../corpus/A_RES_76_172.txt', import.meta.url));
export const migrants2019Path = fileURLToPath(new URL('../../corpus/A_RES_74_148.txt', import.meta.url));
export const securityCouncilFolder = fileURLToPath(new URL('../../../shared/corpus-extra/security-council/', import.meta.url));
export const hasSecurityCouncilCorpus = existsSync(securityCouncilFolder);
