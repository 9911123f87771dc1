// Replaced with the version from package.json when the package is built (tools/scripts/finish-package-build.mjs).
export const packageVersion: string = '0.0.0-development';
