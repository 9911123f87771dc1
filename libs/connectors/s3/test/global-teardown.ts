export default async function globalTeardown(): Promise<void> {
  await globalThis.s3ServerForTests?.stop();
}
