/** The environment that points a connector at the test s3rver (checksum settings included: test-only). */
export function testEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('TEST_S3_') && value !== undefined) environment[name.slice('TEST_S3_'.length)] = value;
  }
  return { ...environment, ...overrides };
}
