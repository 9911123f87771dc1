/** Decodes base64 (from a tool's structured output) into a Blob of the given type, all in the page. */
export function base64ToBlob({ base64, type }: { base64: string; type: string }): Blob {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type });
}
