import { settleWithin } from './settle-within.js';

describe('settleWithin', () => {
  it('reports a task that finishes in time', async () => {
    expect(await settleWithin({ task: async () => 'x', milliseconds: 1000 })).toBe('done');
  });

  it('stops waiting at the deadline for a task that never settles', async () => {
    const started = performance.now();
    expect(await settleWithin({ task: () => new Promise(() => {}), milliseconds: 50 })).toBe('timed-out');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('catches a rejection, also one that arrives after the deadline', async () => {
    const errors: unknown[] = [];
    const failing = () => Promise.reject(new Error('ECONNREFUSED'));
    expect(await settleWithin({ task: failing, milliseconds: 1000, onError: (error) => errors.push(error) })).toBe(
      'failed',
    );
    const late = () => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 30));
    expect(await settleWithin({ task: late, milliseconds: 5, onError: (error) => errors.push(error) })).toBe(
      'timed-out',
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(errors.map((error) => (error as Error).message)).toEqual(['ECONNREFUSED', 'late']);
  });

  it('catches a task that throws synchronously', async () => {
    const task = () => {
      throw new Error('sync');
    };
    expect(await settleWithin({ task, milliseconds: 100 })).toBe('failed');
  });
});
