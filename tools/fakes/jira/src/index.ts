export { createContractChecker, type ContractChecker, type ContractMismatch } from './contract-checker.js';
export {
  seedFakeJiraData,
  type AdfNode,
  type FakeIssue,
  type FakeJiraData,
  type FakeProject,
  type FakeUser,
} from './fake-jira-data.js';
export { evaluateJql } from './jql/evaluate-jql.js';
export { JqlError, parseJql, type JqlNode, type JqlQuery } from './jql/jql-parser.js';
export { loadJiraSpec } from './load-jira-spec.js';
export { startFakeJira, type FakeJira } from './start-fake-jira.js';
