import { fileURLToPath } from 'node:url';

/** Absolute path of the monorepo, with a trailing slash. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
