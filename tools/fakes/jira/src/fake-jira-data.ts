/** Atlassian Document Format, as stored for descriptions and comments. */
export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
}

export interface FakeUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
}

export interface FakeIssue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: AdfNode | null;
  status: string;
  type: string;
  priority: string;
  assignee: string | null;
  reporter: string;
  labels: string[];
  components: string[];
  created: Date;
  updated: Date;
  resolution: string | null;
  comments: Array<{ id: string; author: string; body: AdfNode; created: Date }>;
  changelog: Array<{
    id: string;
    author: string;
    created: Date;
    items: Array<{ field: string; fromString: string | null; toString: string | null }>;
  }>;
  parent: string | null;
  links: Array<{ id: string; type: 'Blocks' | 'Relates'; outwardKey: string }>;
  attachments: Array<{ id: string; filename: string; size: number; mimeType: string; created: Date; author: string }>;
}

export interface FakeProject {
  id: string;
  key: string;
  name: string;
  description: string;
  lead: string;
  issueTypes: string[];
  components: string[];
  versions: Array<{ id: string; name: string; released: boolean; releaseDate?: string }>;
}

export interface FakeJiraData {
  users: FakeUser[];
  projects: FakeProject[];
  issues: FakeIssue[];
}

export const statusCategories: Record<string, { key: string; name: string; id: number; colorName: string }> = {
  'To Do': { key: 'new', name: 'To Do', id: 2, colorName: 'blue-gray' },
  'In Progress': { key: 'indeterminate', name: 'In Progress', id: 4, colorName: 'yellow' },
  'In Review': { key: 'indeterminate', name: 'In Progress', id: 4, colorName: 'yellow' },
  Done: { key: 'done', name: 'Done', id: 3, colorName: 'green' },
};

/** Workflow: which statuses each status can move to, by transition name. */
export const transitions: Record<string, Array<{ id: string; name: string; to: string }>> = {
  'To Do': [
    { id: '11', name: 'Start progress', to: 'In Progress' },
    { id: '31', name: 'Done', to: 'Done' },
  ],
  'In Progress': [
    { id: '21', name: 'Send to review', to: 'In Review' },
    { id: '41', name: 'Stop progress', to: 'To Do' },
    { id: '31', name: 'Done', to: 'Done' },
  ],
  'In Review': [
    { id: '51', name: 'Approve', to: 'Done' },
    { id: '61', name: 'Request changes', to: 'In Progress' },
  ],
  Done: [{ id: '71', name: 'Reopen', to: 'To Do' }],
};

const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (value: string, marks?: AdfNode['marks']): AdfNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const doc = (...content: AdfNode[]): AdfNode => ({
  type: 'doc',
  attrs: { version: 1 } as Record<string, unknown>,
  content,
});

/** A realistic small Jira site, dated relative to `now` so "last week" queries find something. */
export function seedFakeJiraData({ now = new Date() }: { now?: Date } = {}): FakeJiraData {
  const users: FakeUser[] = [
    { accountId: '5b10a2844c20165700ede21g', displayName: 'Ada Lovelace', emailAddress: 'ada@example.com' },
    { accountId: '5b10a2844c20165700ede22h', displayName: 'Grace Hopper', emailAddress: 'grace@example.com' },
    { accountId: '5b10a2844c20165700ede23i', displayName: 'Linus Torvalds', emailAddress: 'linus@example.com' },
  ];
  const projects: FakeProject[] = [
    {
      id: '10000',
      key: 'SHOP',
      name: 'Web shop',
      description: 'The customer-facing shop and checkout.',
      lead: users[0]!.accountId,
      issueTypes: ['Bug', 'Story', 'Task', 'Sub-task'],
      components: ['Checkout', 'Catalogue', 'Search'],
      versions: [
        { id: '10100', name: '2026.11', released: true, releaseDate: '2026-11-10' },
        { id: '10101', name: '2026.12', released: false },
      ],
    },
    {
      id: '10001',
      key: 'OPS',
      name: 'Operations',
      description: 'Infrastructure and on-call work.',
      lead: users[2]!.accountId,
      issueTypes: ['Task', 'Incident', 'Sub-task'],
      components: ['Database', 'Network'],
      versions: [],
    },
    {
      id: '10002',
      key: 'HR',
      name: 'People',
      description: 'Hiring and onboarding.',
      lead: users[1]!.accountId,
      issueTypes: ['Task'],
      components: [],
      versions: [],
    },
  ];
  const day = 86_400_000;
  const titles: Record<string, string[]> = {
    SHOP: [
      'Checkout fails for carts over 50 items',
      'Add Apple Pay to checkout',
      'Search returns no results for accented words',
      'Product images load slowly on mobile',
      'Discount codes apply twice',
      'Catalogue import drops variants without SKU',
      'Order confirmation email missing VAT line',
      'Improve search ranking for exact SKU matches',
      'Cart badge does not update after removal',
      'Add size guide to product pages',
      'Refactor payment retries',
      'Shipping estimate wrong for Canada',
    ],
    OPS: [
      'Database backups take over 4 hours',
      'Rotate TLS certificates before expiry',
      'Disk usage alert on db-2',
      'Upgrade MariaDB to 11.4',
      'Incident: checkout latency spike',
      'Document on-call runbook for payments',
      'Replace legacy load balancer',
      'Network flaps in eu-west zone',
    ],
    HR: ['Onboard two support engineers', 'Update leave policy page'],
  };
  const statuses = ['To Do', 'In Progress', 'In Review', 'Done'];
  const priorities = ['Highest', 'High', 'Medium', 'Low'];
  const issues: FakeIssue[] = [];
  let id = 10_200;
  for (const project of projects) {
    for (const [index, summary] of (titles[project.key] ?? []).entries()) {
      id += 1;
      const status = statuses[(index + project.key.length) % statuses.length]!;
      const created = new Date(now.getTime() - (index * 3 + 1) * day - index * 3_600_000);
      const key = `${project.key}-${index + 1}`;
      const assignee = index % 4 === 3 ? null : users[index % users.length]!.accountId;
      const type = summary.startsWith('Incident')
        ? 'Incident'
        : project.issueTypes[index % (project.issueTypes.length - (project.issueTypes.includes('Sub-task') ? 1 : 0))]!;
      issues.push({
        id: String(id),
        key,
        projectKey: project.key,
        summary,
        description: doc(
          paragraph(text(`${summary}. `), text('Steps to reproduce', [{ type: 'strong' }]), text(' are below.')),
          {
            type: 'bulletList',
            content: [1, 2].map((step) => ({
              type: 'listItem',
              content: [paragraph(text(`Step ${step} for ${key}`))],
            })),
          },
          { type: 'codeBlock', attrs: { language: 'text' }, content: [text(`error code E${index}00`)] },
        ),
        status,
        type,
        priority: priorities[index % priorities.length]!,
        assignee,
        reporter: users[(index + 1) % users.length]!.accountId,
        labels: index % 3 === 0 ? ['customer-reported'] : index % 3 === 1 ? ['backend', 'tech-debt'] : [],
        components: project.components.length > 0 ? [project.components[index % project.components.length]!] : [],
        created,
        updated: new Date(created.getTime() + day / 2),
        resolution: status === 'Done' ? 'Done' : null,
        comments:
          index % 2 === 0
            ? [
                {
                  id: String(id * 10 + 1),
                  author: users[(index + 2) % users.length]!.accountId,
                  body: doc(
                    paragraph(text('I can reproduce this on '), text('staging', [{ type: 'code' }]), text('.')),
                  ),
                  created: new Date(created.getTime() + 3_600_000),
                },
              ]
            : [],
        changelog:
          status !== 'To Do'
            ? [
                {
                  id: String(id * 10 + 2),
                  author: users[0]!.accountId,
                  created: new Date(created.getTime() + 7_200_000),
                  items: [{ field: 'status', fromString: 'To Do', toString: status }],
                },
              ]
            : [],
        parent: null,
        links: [],
        attachments:
          index === 0
            ? [
                {
                  id: String(id * 10 + 3),
                  filename: 'screenshot.png',
                  size: 48_213,
                  mimeType: 'image/png',
                  created,
                  author: users[1]!.accountId,
                },
              ]
            : [],
      });
    }
  }
  const parent = issues.find((issue) => issue.key === 'SHOP-1')!;
  id += 1;
  issues.push({
    ...parent,
    id: String(id),
    key: 'SHOP-13',
    summary: 'Write a regression test for large carts',
    type: 'Sub-task',
    status: 'To Do',
    resolution: null,
    parent: 'SHOP-1',
    comments: [],
    changelog: [],
    attachments: [],
    links: [],
  });
  parent.links.push({ id: '20001', type: 'Blocks', outwardKey: 'SHOP-5' });
  return { users, projects, issues };
}
