/**
 * This process's environment without the `npm_*` variables that `npm run bench` sets (npm_config_local_prefix,
 * npm_config_workspace…): an npm started with them would act on the workspace instead of the temp folder it
 * is run in, and would not be the npm a user starts.
 */
export function cleanNpmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
}
