import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractChecker, type ContractMismatch } from './contract-checker.js';
import { seedFakeJiraData, transitions, type AdfNode, type FakeJiraData } from './fake-jira-data.js';
import { evaluateJql, plainText } from './jql/evaluate-jql.js';
import { JqlError, parseJql } from './jql/jql-parser.js';
import { loadJiraSpec } from './load-jira-spec.js';
import { createRenderer } from './render-jira-json.js';

export interface FakeJira {
  baseUrl: string;
  email: string;
  apiToken: string;
  /** Data Center style: `Authorization: Bearer` on the REST v2 paths. */
  personalAccessToken: string;
  data: FakeJiraData;
  /** Requests and responses that did not match Atlassian's OpenAPI spec (tests assert this stays empty). */
  mismatches: ContractMismatch[];
  requests: Array<{ method: string; path: string }>;
  /** Answer the next `count` requests with 429 and this Retry-After. */
  rateLimitNext(options: { count: number; retryAfterSeconds: number }): void;
  stop(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** The path template in the spec, for contract checks. */
  spec: string;
  /** Answers the spec does not describe (yet): Cloud retired /search with 410 after this spec snapshot. */
  undocumented?: boolean;
  handle(context: RouteContext): { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;
}

interface RouteContext {
  parameters: string[];
  query: URLSearchParams;
  body: unknown;
}

const jqlError = (message: string) => ({ status: 400, body: { errorMessages: [message], errors: {} } });

/**
 * A loopback Jira Cloud (REST v3) for tests and the sandbox: the endpoints the connector uses, over
 * seeded projects, users and issues, with a real JQL subset. Every request and response is checked
 * against Atlassian's OpenAPI spec; a response that does not conform is answered 500 and recorded.
 */
export async function startFakeJira({
  port = 0,
  email = 'ada@example.com',
  apiToken = 'fake-jira-api-token',
  now = new Date(),
  personalAccessToken = 'fake-jira-personal-access-token',
}: {
  port?: number;
  email?: string;
  apiToken?: string;
  now?: Date;
  personalAccessToken?: string;
} = {}): Promise<FakeJira> {
  const spec = loadJiraSpec();
  const checker = createContractChecker({ spec });
  const data = seedFakeJiraData({ now });
  const requests: FakeJira['requests'] = [];
  let rateLimit = { count: 0, retryAfterSeconds: 0 };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const render = createRenderer({ baseUrl, data });
  const currentUser = data.users.find((user) => user.emailAddress === email) ?? data.users[0]!;
  const findIssue = (key: string) => data.issues.find((issue) => issue.key === key.toUpperCase() || issue.id === key);
  const notFound = {
    status: 404,
    body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
  };
  let nextId = 20_000;

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/myself$/,
      spec: '/rest/api/3/myself',
      handle: () => ({ status: 200, body: { ...render.user(currentUser.accountId), locale: 'en_US' } }),
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/search$/,
      spec: '/rest/api/3/search',
      undocumented: true,
      // Cloud retired the old search: it answers 410 Gone and points to /search/jql.
      handle: () => ({
        status: 410,
        body: {
          errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'],
          errors: {},
        },
      }),
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/search\/jql$/,
      spec: '/rest/api/3/search/jql',
      handle: ({ query }) => {
        const jql = query.get('jql') ?? '';
        if (!jql.trim())
          return jqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
        let found;
        try {
          found = evaluateJql({ query: parseJql(jql), issues: data.issues, context: { data, currentUser, now } });
        } catch (error) {
          if (error instanceof JqlError) return jqlError(error.message);
          throw error;
        }
        const maxResults = Math.min(Number(query.get('maxResults') ?? 50), 5000);
        const start = query.get('nextPageToken')
          ? Number(Buffer.from(query.get('nextPageToken')!, 'base64url').toString())
          : 0;
        const fields = query
          .getAll('fields')
          .flatMap((value) => value.split(','))
          .filter(Boolean);
        const page = found.slice(start, start + maxResults);
        const more = start + maxResults < found.length;
        return {
          status: 200,
          body: {
            issues: page.map((issue) =>
              render.issue({
                issue,
                fields: fields.length > 0 ? fields : ['id'],
                expandChangelog: (query.get('expand') ?? '').includes('changelog'),
              }),
            ),
            isLast: !more,
            ...(more ? { nextPageToken: Buffer.from(String(start + maxResults)).toString('base64url') } : {}),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}',
      handle: ({ parameters, query }) => {
        const issue = findIssue(parameters[0]!);
        if (!issue) return notFound;
        const fields = query
          .getAll('fields')
          .flatMap((value) => value.split(','))
          .filter(Boolean);
        return {
          status: 200,
          body: render.issue({
            issue,
            ...(fields.length > 0 ? { fields } : {}),
            expandChangelog: (query.get('expand') ?? '').includes('changelog'),
          }),
        };
      },
    },
    {
      method: 'PUT',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}',
      handle: ({ parameters, body }) => {
        const issue = findIssue(parameters[0]!);
        if (!issue) return notFound;
        const fields = ((body as { fields?: Record<string, unknown> }).fields ?? {}) as Record<string, unknown>;
        const unknown = Object.keys(fields).filter(
          (field) => !['summary', 'description', 'labels', 'priority', 'assignee'].includes(field),
        );
        if (unknown.length > 0)
          return {
            status: 400,
            body: {
              errorMessages: [],
              errors: Object.fromEntries(
                unknown.map((field) => [
                  field,
                  `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
                ]),
              ),
            },
          };
        if (typeof fields.summary === 'string') issue.summary = fields.summary;
        if (fields.description !== undefined) issue.description = fields.description as AdfNode;
        if (Array.isArray(fields.labels)) issue.labels = fields.labels as string[];
        if (fields.priority) issue.priority = (fields.priority as { name: string }).name;
        issue.updated = new Date();
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: /^\/rest\/api\/3\/issue$/,
      spec: '/rest/api/3/issue',
      handle: ({ body }) => {
        const fields = ((body as { fields?: Record<string, unknown> }).fields ?? {}) as Record<
          string,
          { key?: string; name?: string; id?: string } | string | AdfNode | string[]
        >;
        const project = data.projects.find(
          (candidate) =>
            candidate.key === (fields.project as { key?: string })?.key ||
            candidate.id === (fields.project as { id?: string })?.id,
        );
        const errors: Record<string, string> = {};
        if (!project) errors.project = 'valid project is required';
        const typeName = (fields.issuetype as { name?: string })?.name;
        if (!typeName || (project && !project.issueTypes.includes(typeName)))
          errors.issuetype = 'Specify a valid issue type';
        if (typeof fields.summary !== 'string' || !fields.summary)
          errors.summary = 'You must specify a summary of the issue.';
        if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
        nextId += 1;
        const count = data.issues.filter((issue) => issue.projectKey === project!.key).length;
        const created = new Date();
        const issue = {
          id: String(nextId),
          key: `${project!.key}-${count + 1}`,
          projectKey: project!.key,
          summary: fields.summary as string,
          description: (fields.description as AdfNode) ?? null,
          status: 'To Do',
          type: typeName!,
          priority: (fields.priority as { name?: string })?.name ?? 'Medium',
          assignee: null,
          reporter: currentUser.accountId,
          labels: (fields.labels as string[]) ?? [],
          components: [],
          created,
          updated: created,
          resolution: null,
          comments: [],
          changelog: [],
          parent: null,
          links: [],
          attachments: [],
        };
        data.issues.push(issue);
        return { status: 201, body: { id: issue.id, key: issue.key, self: `${baseUrl}/rest/api/3/issue/${issue.id}` } };
      },
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}/comment',
      handle: ({ parameters }) => {
        const issue = findIssue(parameters[0]!);
        if (!issue) return notFound;
        return {
          status: 200,
          body: {
            comments: issue.comments.map((entry) => render.comment(issue, entry)),
            maxResults: 100,
            startAt: 0,
            total: issue.comments.length,
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)\/comment$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}/comment',
      handle: ({ parameters, body }) => {
        const issue = findIssue(parameters[0]!);
        if (!issue) return notFound;
        const adf = (body as { body?: AdfNode }).body;
        if (!adf || adf.type !== 'doc')
          return { status: 400, body: { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } } };
        nextId += 1;
        const entry = { id: String(nextId), author: currentUser.accountId, body: adf, created: new Date() };
        issue.comments.push(entry);
        return { status: 201, body: render.comment(issue, entry) };
      },
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      handle: ({ parameters }) => {
        const issue = findIssue(parameters[0]!);
        return issue ? { status: 200, body: render.transitions(issue) } : notFound;
      },
    },
    {
      method: 'POST',
      pattern: /^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/,
      spec: '/rest/api/3/issue/{issueIdOrKey}/transitions',
      handle: ({ parameters, body }) => {
        const issue = findIssue(parameters[0]!);
        if (!issue) return notFound;
        const id = (body as { transition?: { id?: string } }).transition?.id;
        const transition = (transitions[issue.status] ?? []).find((candidate) => candidate.id === id);
        if (!transition)
          return {
            status: 400,
            body: { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} },
          };
        issue.changelog.push({
          id: String((nextId += 1)),
          author: currentUser.accountId,
          created: new Date(),
          items: [{ field: 'status', fromString: issue.status, toString: transition.to }],
        });
        issue.status = transition.to;
        issue.resolution = transition.to === 'Done' ? 'Done' : null;
        issue.updated = new Date();
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/project\/search$/,
      spec: '/rest/api/3/project/search',
      handle: ({ query }) => {
        const text = (query.get('query') ?? '').toLowerCase();
        const keys = query
          .getAll('keys')
          .flatMap((value) => value.split(','))
          .filter(Boolean);
        const found = data.projects.filter(
          (project) =>
            (!text || project.key.toLowerCase().includes(text) || project.name.toLowerCase().includes(text)) &&
            (keys.length === 0 || keys.includes(project.key)),
        );
        const maxResults = Number(query.get('maxResults') ?? 50);
        const startAt = Number(query.get('startAt') ?? 0);
        const page = found.slice(startAt, startAt + maxResults);
        return {
          status: 200,
          body: {
            self: `${baseUrl}/rest/api/3/project/search`,
            maxResults,
            startAt,
            total: found.length,
            isLast: startAt + maxResults >= found.length,
            values: page.map((project) => render.project(project)),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/rest\/api\/3\/project\/([^/]+)$/,
      spec: '/rest/api/3/project/{projectIdOrKey}',
      handle: ({ parameters }) => {
        const project = data.projects.find(
          (candidate) => candidate.key === parameters[0]!.toUpperCase() || candidate.id === parameters[0],
        );
        return project
          ? { status: 200, body: render.project(project) }
          : {
              status: 404,
              body: { errorMessages: [`No project could be found with key '${parameters[0]}'.`], errors: {} },
            };
      },
    },
  ];

  // Data Center speaks REST v2: offset paging and plain (wiki) text instead of ADF. The OpenAPI spec
  // here is Cloud's v3, so these answers are shaped by hand after Atlassian's v2 documentation.
  const asDataCenter = (issue: ReturnType<typeof render.issue>) => {
    const fields = { ...issue.fields } as Record<string, unknown>;
    if (fields.description) fields.description = plainText(fields.description as AdfNode);
    const comment = fields.comment as { comments?: Array<{ body: AdfNode }> } | undefined;
    if (comment?.comments)
      fields.comment = {
        ...comment,
        comments: comment.comments.map((entry) => ({ ...entry, body: plainText(entry.body) })),
      };
    return { ...issue, self: issue.self.replace('/api/3/', '/api/2/'), fields };
  };
  const dataCenter = ({
    method,
    path,
    query,
  }: {
    method: string;
    path: string;
    query: URLSearchParams;
  }): { status: number; body?: unknown } => {
    if (method !== 'GET')
      return { status: 405, body: { errorMessages: ['The fake serves Data Center reads only.'], errors: {} } };
    if (path === '/rest/api/2/myself')
      return {
        status: 200,
        body: {
          name: 'ada',
          displayName: currentUser.displayName,
          emailAddress: currentUser.emailAddress,
          active: true,
        },
      };
    if (path === '/rest/api/2/project')
      return { status: 200, body: data.projects.map((project) => render.project(project)) };
    const project = /^\/rest\/api\/2\/project\/([^/]+)$/.exec(path);
    if (project) {
      const found = data.projects.find((candidate) => candidate.key === project[1]!.toUpperCase());
      return found
        ? { status: 200, body: render.project(found) }
        : { status: 404, body: { errorMessages: [`No project could be found with key '${project[1]}'.`], errors: {} } };
    }
    const issueMatch = /^\/rest\/api\/2\/issue\/([^/]+)$/.exec(path);
    if (issueMatch) {
      const issue = findIssue(decodeURIComponent(issueMatch[1]!));
      return issue
        ? {
            status: 200,
            body: asDataCenter(
              render.issue({ issue, expandChangelog: (query.get('expand') ?? '').includes('changelog') }),
            ),
          }
        : notFound;
    }
    if (path === '/rest/api/2/search') {
      try {
        const found = evaluateJql({
          query: parseJql(query.get('jql') ?? ''),
          issues: data.issues,
          context: { data, currentUser, now },
        });
        const startAt = Number(query.get('startAt') ?? 0);
        const maxResults = Number(query.get('maxResults') ?? 50);
        const fields = (query.get('fields') ?? '').split(',').filter(Boolean);
        return {
          status: 200,
          body: {
            startAt,
            maxResults,
            total: found.length,
            issues: found
              .slice(startAt, startAt + maxResults)
              .map((issue) => asDataCenter(render.issue({ issue, ...(fields.length > 0 ? { fields } : {}) }))),
          },
        };
      } catch (error) {
        if (error instanceof JqlError) return jqlError(error.message);
        throw error;
      }
    }
    return { status: 404, body: { errorMessages: [`No fake for ${method} ${path}`], errors: {} } };
  };

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json;charset=UTF-8' }),
      ...headers,
    });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    if (url.pathname.startsWith('/rest/api/2/')) {
      if (request.headers.authorization !== `Bearer ${personalAccessToken}`) {
        return send(response, 401, {
          errorMessages: ['You are not authorized to perform this operation. Please log in.'],
          errors: {},
        });
      }
      const result = dataCenter({ method, path: url.pathname, query: url.searchParams });
      return send(response, result.status, result.body);
    }
    const expected = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return send(
        response,
        401,
        { errorMessages: ['You are not authorized to perform this operation. Please log in.'], errors: {} },
        { 'www-authenticate': 'Basic realm="Jira"' },
      );
    }
    if (rateLimit.count > 0) {
      rateLimit.count -= 1;
      return send(
        response,
        429,
        { errorMessages: ['Rate limit exceeded.'], errors: {} },
        { 'retry-after': String(rateLimit.retryAfterSeconds) },
      );
    }
    const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    if (!route) return send(response, 404, { errorMessages: [`No fake for ${method} ${url.pathname}`], errors: {} });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(response, 400, { errorMessages: ['Unexpected character in the request body.'], errors: {} });
      }
    }
    const requestProblems = checker.checkRequest({ method, path: route.spec, query: url.searchParams, body });
    if (requestProblems.length > 0) return send(response, 400, { errorMessages: requestProblems, errors: {} });
    const parameters = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
    const result = await route.handle({ parameters, query: url.searchParams, body });
    const responseProblems = route.undocumented
      ? []
      : checker.checkResponse({ method, path: route.spec, status: result.status, body: result.body });
    if (responseProblems.length > 0) {
      return send(response, 500, {
        errorMessages: [
          `Fake Jira response does not match the OpenAPI spec: ${responseProblems.slice(0, 5).join('; ')}`,
        ],
        errors: {},
      });
    }
    send(response, result.status, result.body);
  };
  server.on('request', (request, response) => {
    handle(request, response).catch((error: unknown) =>
      send(response, 500, { errorMessages: [`Fake Jira error: ${(error as Error).message}`], errors: {} }),
    );
  });

  return {
    baseUrl,
    email,
    apiToken,
    personalAccessToken,
    data,
    mismatches: checker.mismatches,
    requests,
    rateLimitNext: (options) => {
      rateLimit = options;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
