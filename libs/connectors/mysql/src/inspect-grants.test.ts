import { inspectGrants } from './inspect-grants.js';

describe('inspectGrants', () => {
  it('is quiet for a read-only account', () => {
    expect(
      inspectGrants({
        grants: ['GRANT USAGE ON *.* TO `reader`@`%`', 'GRANT SELECT, SHOW VIEW ON `shop`.* TO `reader`@`%`'],
      }),
    ).toEqual([]);
  });

  it('warns about write and server-level privileges', () => {
    const warnings = inspectGrants({
      grants: [
        'GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION',
        'GRANT SELECT, INSERT ON `shop`.* TO `app`@`%`',
        'GRANT FILE, PROCESS ON *.* TO `app`@`%`',
      ],
    });
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/can write on \*\.\* \(ALL PRIVILEGES\)/),
        expect.stringMatching(/can write on `shop`\.\* \(INSERT\)/),
        expect.stringMatching(/holds FILE, PROCESS on \*\.\*/),
      ]),
    );
  });
});
