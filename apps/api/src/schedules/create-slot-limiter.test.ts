import { createSlotLimiter } from './create-slot-limiter.js';

describe('createSlotLimiter', () => {
  it('lets `limit` holders of a key in at once and the next one in as each leaves, keys apart', async () => {
    const limiter = createSlotLimiter({ limit: 2 });
    const first = await limiter.take({ key: 'shop' });
    await limiter.take({ key: 'shop' });
    const other = await limiter.take({ key: 'warehouse' });
    let thirdIn = false;
    const third = limiter.take({ key: 'shop' }).then((release) => {
      thirdIn = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdIn).toBe(false);
    first();
    first(); // a second release of the same slot frees nothing more
    (await third)();
    expect(thirdIn).toBe(true);
    other();
  });

  it('gives up waiting when the signal aborts, and the slot goes to the next one', async () => {
    const limiter = createSlotLimiter({ limit: 1 });
    const held = await limiter.take({ key: 'shop' });
    const controller = new AbortController();
    const abandoned = limiter.take({ key: 'shop', signal: controller.signal });
    const next = limiter.take({ key: 'shop' });
    controller.abort(new Error('stopping'));
    await expect(abandoned).rejects.toThrow('stopping');
    held();
    await expect(next).resolves.toEqual(expect.any(Function));
  });
});
