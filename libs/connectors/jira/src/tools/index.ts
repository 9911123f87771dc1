import { addComment } from './add-comment.js';
import { createIssue } from './create-issue.js';
import { getIssue } from './get-issue.js';
import { getProject } from './get-project.js';
import { listProjects } from './list-projects.js';
import { searchIssues } from './search-issues.js';
import { transitionIssue } from './transition-issue.js';
import { updateIssue } from './update-issue.js';

export const jiraTools = [
  searchIssues,
  getIssue,
  listProjects,
  getProject,
  createIssue,
  updateIssue,
  addComment,
  transitionIssue,
];
