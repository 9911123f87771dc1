import type { AdfNode } from './adf-to-markdown.js';

/** An issue as Jira returns it (v3 with ADF text on Cloud, v2 with wiki text on Data Center). */
export interface RawIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  changelog?: {
    histories?: Array<{
      author?: { displayName?: string };
      created?: string;
      items?: Array<{ field?: string; fromString?: string | null; toString?: string | null }>;
    }>;
  };
}

export interface RawProject {
  id: string;
  key: string;
  name: string;
  description?: string;
  lead?: { displayName?: string };
  projectTypeKey?: string;
  issueTypes?: Array<{ name?: string; subtask?: boolean }>;
  components?: Array<{ name?: string }>;
  versions?: Array<{ name?: string; released?: boolean; releaseDate?: string }>;
}

/** The operations the tools need, over Cloud (REST v3) or Data Center (REST v2). */
export interface JiraApi {
  flavor: 'cloud' | 'data-center';
  myself(): Promise<{ displayName: string }>;
  search(options: {
    jql: string;
    fields: string[];
    maxResults: number;
    pageToken?: string;
  }): Promise<{ issues: RawIssue[]; nextPageToken?: string }>;
  getIssue(options: { key: string; expandChangelog: boolean }): Promise<RawIssue>;
  searchProjects(options: { query?: string; maxResults: number }): Promise<RawProject[]>;
  getProject(options: { key: string }): Promise<RawProject>;
  createIssue(options: { fields: Record<string, unknown> }): Promise<{ id: string; key: string }>;
  editIssue(options: { key: string; fields: Record<string, unknown> }): Promise<void>;
  addComment(options: { key: string; body: AdfNode | string }): Promise<{ id: string }>;
  getTransitions(options: { key: string }): Promise<Array<{ id: string; name: string; to: string }>>;
  doTransition(options: { key: string; id: string }): Promise<void>;
  /** Rich text in the flavor's format: ADF on Cloud, plain/wiki text on Data Center. */
  richText(markdown: string): AdfNode | string;
}
