import { toolDefiner } from '@connectormcp/connector-kit';
import type { JiraContext } from './jira-context.js';

export const defineJiraTool = toolDefiner<JiraContext>();
