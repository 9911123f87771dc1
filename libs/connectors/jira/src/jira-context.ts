import { ConnectorError, type Logger } from '@connectormcp/connector-kit';
import { callJira } from './call-jira.js';
import { createCloudApi } from './create-cloud-api.js';
import { createDataCenterApi } from './create-data-center-api.js';
import type { JiraApi } from './jira-api.js';
import type { JiraConfig } from './jira-config.js';

export interface JiraContext {
  config: JiraConfig;
  api: JiraApi;
  logger: Logger;
  call<Result>(options: { call: (api: JiraApi) => Promise<Result>; signal?: AbortSignal }): Promise<Result>;
  /** Throws when a project (or an issue key's project) is outside JIRA_PROJECTS. */
  assertProjectAllowed(options: { project: string }): void;
  isProjectAllowed(options: { project: string }): boolean;
  close(): Promise<void>;
}

export function projectOfKey(key: string): string {
  return key.split('-')[0]!.toUpperCase();
}

export function createJiraContext({ config, logger }: { config: JiraConfig; logger: Logger }): JiraContext {
  const api = config.flavor === 'cloud' ? createCloudApi({ config }) : createDataCenterApi({ config });
  const allowed = config.allowedProjects ? new Set(config.allowedProjects) : undefined;
  const isProjectAllowed = ({ project }: { project: string }) => !allowed || allowed.has(project.toUpperCase());
  return {
    config,
    api,
    logger,
    call: ({ call, signal }) =>
      callJira({ call: () => call(api), ...(signal ? { signal } : {}), usesToken: config.auth.type === 'basic' }),
    isProjectAllowed,
    assertProjectAllowed({ project }) {
      if (!isProjectAllowed({ project })) {
        throw new ConnectorError({
          code: 'ACCESS_DENIED',
          message: `Project ${project.toUpperCase()} is not in JIRA_PROJECTS.`,
        });
      }
    },
    async close() {},
  };
}
