export { buildBundle, type BuiltBundle } from './build-bundle.ts';
export {
  buildManifest,
  bundleEntryPoint,
  manifestVersion,
  type BundleManifest,
  type ConnectorPackageJson,
} from './build-manifest.ts';
export { bundleEnvironment, type EnvironmentFacts } from './bundle-environment.ts';
export { userConfigOption, type UserConfigOption } from './user-config-option.ts';
