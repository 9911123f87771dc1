import { relative } from 'node:path';
import { formatByteSize } from '@connectormcp/connector-kit';

export interface Artifact {
  file: string;
  size: number;
  sha256: string;
}

/** One line per artifact: path from the repository root, size, and the start of its sha256. */
export function printArtifactTable({ root, artifacts }: { root: string; artifacts: Artifact[] }): void {
  const rows = artifacts.map((artifact) => [
    relative(root, artifact.file),
    formatByteSize(artifact.size),
    artifact.sha256.slice(0, 12),
  ]);
  const header = ['artifact', 'size', 'sha256'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    );
  }
}
