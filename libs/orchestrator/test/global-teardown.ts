export default async function globalTeardown(): Promise<void> {
  await globalThis.orchestratorServices?.mariadb.stop();
  await globalThis.orchestratorServices?.s3.stop();
}
