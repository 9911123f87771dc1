import { jest } from '@jest/globals';
import { render, screen, within } from '@testing-library/react';
import { ObjectPreview } from './object-preview.js';
import { objectReadOf } from './object-read.js';

const base = {
  bucket: 'reports',
  key: 'sales.csv',
  content_type: 'text/csv',
  size_bytes: 4_096,
  bytes_read: 1_024,
  truncated: true,
  next_offset: 1_024,
  last_modified: '2026-01-05T10:00:00Z',
  etag: '"abc"',
};

describe('ObjectPreview', () => {
  it('shows CSV as a table and says where the content was cut', async () => {
    const read = objectReadOf({
      result: {
        ...base,
        kind: 'csv',
        table: {
          columns: ['region', 'revenue'],
          rows: [
            ['North', '120.50'],
            ['South', '99'],
          ],
        },
      },
    });
    render(<ObjectPreview read={read!} name="files-read_object" />);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.replace(/[▲▼↕]/, '')),
    ).toEqual(['region', 'revenue']);
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Cut: showing the first 1 kB of 4 kB (the rest starts at byte 1024).',
    );
  });

  it('shows text with line numbers and binary as a note', () => {
    const text = objectReadOf({
      result: { ...base, key: 'notes.txt', kind: 'text', truncated: false, text: 'one\ntwo' },
    });
    const { unmount } = render(<ObjectPreview read={text!} name="files-read_object" />);
    const lines = screen.getByRole('group', { name: 'notes.txt as text' });
    expect(lines.textContent).toBe('1one2two');
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    unmount();
    const binary = objectReadOf({
      result: {
        ...base,
        key: 'a.bin',
        kind: 'binary',
        content_type: 'application/octet-stream',
        preview_hex: '00ff',
      },
    });
    render(<ObjectPreview read={binary!} name="files-read_object" />);
    expect(screen.getByText(/This object is binary \(application\/octet-stream\)/)).toBeInTheDocument();
    expect(screen.getByText('00ff')).toBeInTheDocument();
  });

  it('draws an image from the structured base64 through a blob: URL of the page', () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:http://localhost/1';
    });
    URL.revokeObjectURL = jest.fn();
    const read = objectReadOf({
      result: {
        ...base,
        key: 'logo.png',
        truncated: false,
        kind: 'image',
        image: { media_type: 'image/png', data_base64: 'iVBORw0KGgo=' },
      },
    });
    const { unmount } = render(<ObjectPreview read={read!} name="files-read_object" />);
    expect(screen.getByRole('img', { name: 'Preview of logo.png' })).toHaveAttribute('src', 'blob:http://localhost/1');
    expect(created[0]!.type).toBe('image/png');
    expect(created[0]!.size).toBe(8);
    unmount();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/1');
  });

  it('reads JSON as a foldable tree', () => {
    const read = objectReadOf({
      result: { ...base, key: 'a.json', kind: 'json', truncated: false, json: { a: [1, 2] } },
    });
    render(<ObjectPreview read={read!} name="files-read_object" />);
    expect(screen.getByRole('group', { name: 'a.json as JSON' })).toHaveTextContent('"a": [1,2]');
  });

  it('still reads a result stored before content was described by kind: CSV parsed here, JSON as a tree', async () => {
    const csv = objectReadOf({ result: { ...base, kind: 'csv', content: 'region,revenue\nNorth,120.50\n' } });
    const { unmount } = render(<ObjectPreview read={csv!} name="files-read_object" />);
    expect(await screen.findByRole('cell', { name: 'North' })).toBeInTheDocument();
    unmount();
    const json = objectReadOf({ result: { ...base, kind: 'json', truncated: false, content: '{"a": 1}' } });
    render(<ObjectPreview read={json!} name="files-read_object" />);
    expect(screen.getByText('"a": 1')).toBeInTheDocument();
  });

  it('shows CSV the connector could not parse as text, and a large image as a note', () => {
    const broken = objectReadOf({ result: { ...base, kind: 'csv', text: 'a,"b\n' } });
    const { unmount } = render(<ObjectPreview read={broken!} name="files-read_object" />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'sales.csv as text' })).toHaveTextContent('a,"b');
    unmount();
    const large = objectReadOf({
      result: { ...base, key: 'big.png', kind: 'image', image: { media_type: 'image/png', data_base64: null } },
    });
    render(<ObjectPreview read={large!} name="files-read_object" />);
    expect(screen.getByText(/The image is too large to show here/)).toBeInTheDocument();
  });
});
