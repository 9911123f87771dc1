import { diagnoseUrl, maskUrlCredentials } from './diagnose-url.js';

const mysql = {
  protocols: ['mysql:', 'mariadb:'],
  example: 'mysql://user:password@host:3306/database',
  schemeHints: { 'mysqls:': 'for TLS, set MYSQL_SSL_CA' },
};
const site = {
  protocols: ['https:', 'http:'],
  example: 'https://your-company.atlassian.net',
  refuseCredentials: 'set JIRA_EMAIL and JIRA_API_TOKEN instead',
};

describe('diagnoseUrl', () => {
  it('accepts well-formed URLs, encoded credentials and characters the URL standard encodes itself', () => {
    for (const value of [
      'mysql://reader:pa%23ss@db:3306/shop',
      'mariadb://reader@db/shop',
      'mysql://reader:p@ss:w rd@db.example.com/shop',
      'mysql://reader:secret@[::1]:3306/shop',
      'mysql://db',
    ]) {
      expect(diagnoseUrl({ value, ...mysql })).toBeUndefined();
    }
    expect(diagnoseUrl({ value: 'https://jira.example.com/jira/', ...site })).toBeUndefined();
    expect(diagnoseUrl({ value: 'HTTP://127.0.0.1:8080', ...site })).toBeUndefined();
    // An "@" in the path is no sign of credentials where none are expected.
    expect(diagnoseUrl({ value: 'https://jira.example.com/wiki/@team', ...site })).toBeUndefined();
  });

  it.each([
    ['#', '%23'],
    ['/', '%2F'],
    ['?', '%3F'],
  ])('names a "%s" in the password and its encoding, never the password', (character, encoded) => {
    const problem = diagnoseUrl({ value: `mysql://reader:pa${character}ss12@db:3306/shop`, ...mysql });
    expect(problem).toBe(
      `the password contains "${character}", which must be percent-encoded in a URL: write it as ${encoded}`,
    );
    expect(problem).not.toContain('ss12');
  });

  it('names a reserved character in the user name', () => {
    expect(diagnoseUrl({ value: 'mysql://re#der:secret@db/shop', ...mysql })).toBe(
      'the user name contains "#", which must be percent-encoded in a URL: write it as %23',
    );
    expect(diagnoseUrl({ value: 'mysql://re/der@db/shop', ...mysql })).toBe(
      'has an "@" after the host part: if it ends a user name, write the "/" in that name as %2F',
    );
  });

  it('names a stray % in the credentials', () => {
    expect(diagnoseUrl({ value: 'mysql://reader:100%real@db/shop', ...mysql })).toBe(
      'the password contains a "%" that does not start an encoded character: write a literal % as %25',
    );
  });

  it('tells a missing scheme from an unsupported one', () => {
    expect(diagnoseUrl({ value: 'db.example.com:3306/shop', ...mysql })).toBe(
      'has no scheme: it must start with mysql:// or mariadb://, e.g. mysql://user:password@host:3306/database',
    );
    expect(diagnoseUrl({ value: 'mysqls://reader:secret@db/shop', ...mysql })).toBe(
      'the scheme mysqls:// is not supported: use mysql:// or mariadb:// (for TLS, set MYSQL_SSL_CA)',
    );
    expect(diagnoseUrl({ value: 'postgres://db/shop', ...mysql })).toBe(
      'the scheme postgres:// is not supported: use mysql:// or mariadb://, e.g. mysql://user:password@host:3306/database',
    );
    expect(diagnoseUrl({ value: 'jira.example.com', ...site })).toBe(
      'has no scheme: it must start with https:// or http://, e.g. https://your-company.atlassian.net',
    );
  });

  it('names a port that is out of range or not a number', () => {
    expect(diagnoseUrl({ value: 'mysql://reader:secret@db:99999/shop', ...mysql })).toBe(
      'the port 99999 is out of range: expected 1 to 65535',
    );
    expect(diagnoseUrl({ value: 'mysql://reader:secret@db:0/shop', ...mysql })).toBe(
      'the port 0 is out of range: expected 1 to 65535',
    );
    expect(diagnoseUrl({ value: 'http://localhost:80a', ...site })).toBe(
      'the port "80a" is not a number: expected 1 to 65535',
    );
  });

  it('never echoes what may be a password typed without a host', () => {
    const notNumber = diagnoseUrl({ value: 'mysql://root:hunter2/shop', ...mysql });
    expect(notNumber).toMatch(/^the port is not a number: expected 1 to 65535 \(if a user name/);
    expect(notNumber).not.toContain('hunter2');
    expect(diagnoseUrl({ value: 'mysql://root:123456/shop', ...mysql })).toBe(
      'the port is out of range: expected 1 to 65535',
    );
  });

  it('names a missing or malformed host', () => {
    expect(diagnoseUrl({ value: 'mysql://reader:secret@/shop', ...mysql })).toBe(
      'has no host name: expected mysql://user:password@host:3306/database',
    );
    expect(diagnoseUrl({ value: 'mysql://reader:secret@my db/shop', ...mysql })).toBe(
      'the host name "my db" is not valid',
    );
    expect(diagnoseUrl({ value: 'https://jira..example.com<', ...site })).toBe(
      'the host name "jira..example.com<" is not valid',
    );
  });

  it('refuses credentials where they do not belong, with where they go instead', () => {
    expect(diagnoseUrl({ value: 'https://me:token@jira.example.com', ...site })).toBe(
      'must not contain a user name or password: set JIRA_EMAIL and JIRA_API_TOKEN instead',
    );
    expect(diagnoseUrl({ value: 'https://me:to#ken@jira.example.com', ...site })).toBe(
      'must not contain a user name or password: set JIRA_EMAIL and JIRA_API_TOKEN instead',
    );
  });
});

describe('maskUrlCredentials', () => {
  it('hides a user name and password, and leaves other text alone', () => {
    expect(maskUrlCredentials({ value: 'https://me:to#ken@jira.example.com/x' })).toBe(
      'https://***@jira.example.com/x',
    );
    expect(maskUrlCredentials({ value: 'https://jira.example.com' })).toBe('https://jira.example.com');
    expect(maskUrlCredentials({ value: 'no url' })).toBe('no url');
  });
});
