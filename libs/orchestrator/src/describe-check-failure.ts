/**
 * A failed check's output in plain words: the connector's own message (`connectormcp-mysql: error:
 * UPSTREAM_UNAVAILABLE: The MySQL server could not be reached …` becomes its last part), with any configured
 * value the connector may have echoed taken out. Connectors already redact their secrets; this is a second
 * line of defence, since the reason is shown to every user of the app.
 */
export function describeCheckFailure({
  output,
  environment,
}: {
  output: string;
  environment: Record<string, string>;
}): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const errorLine = [...lines].reverse().find((line) => /^\S+: error: /.test(line));
  const reason = errorLine
    ? errorLine.replace(/^\S+: error: /, '').replace(/^[A-Z][A-Z_]+: /, '')
    : (crashReason({ lines }) ?? lines.map(logMessage).findLast(Boolean) ?? 'The check failed without saying why.');
  return redactConfiguredValues({ text: reason, environment });
}

/** The text without any long configured value or URL password, at most 300 characters. */
export function redactConfiguredValues({
  text,
  environment,
}: {
  text: string;
  environment: Record<string, string>;
}): string {
  let redacted = text;
  for (const value of configuredValues({ environment })) redacted = redacted.split(value).join('[redacted]');
  return redacted.length > 300 ? `${redacted.slice(0, 299)}…` : redacted;
}

/** A process that died of an uncaught error prints its source line, the error, a stack and Node's version. */
function crashReason({ lines }: { lines: string[] }): string | undefined {
  if (!lines.some((line) => /^Node\.js v\d/.test(line))) return undefined;
  const error = lines.find((line) => /^[A-Za-z]*Error\b[^:]{0,40}: /.test(line));
  return `The connector's check crashed${error ? `: ${error.slice(0, 200)}` : '.'}`;
}

/** The message of a JSON log line, or the line itself. */
function logMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : '';
  } catch {
    return line;
  }
}

// Short values (a region, `true`, a port) are words a message may rightly use; long ones are not.
const minimumRedactedLength = 8;

function configuredValues({ environment }: { environment: Record<string, string> }): string[] {
  const values = new Set<string>();
  for (const value of Object.values(environment)) {
    if (value.length >= minimumRedactedLength) values.add(value);
    // A password inside a connection URL, on its own.
    if (URL.canParse(value)) {
      const password = decodeURIComponent(new URL(value).password);
      if (password.length >= 4) values.add(password);
    }
  }
  // Longest first, so a URL is replaced whole before the password inside it.
  return [...values].sort((a, b) => b.length - a.length);
}
