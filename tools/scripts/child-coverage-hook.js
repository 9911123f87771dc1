// Loaded into the Jest process and its workers while coverage is collected. Tests start connectors and the
// API with an environment of their own (only PATH and the variables under test, as an MCP host does), so
// NODE_V8_COVERAGE would not reach them through inheritance: this adds it to every child process Jest
// starts, and Node writes the child's V8 coverage there when it exits.
import processOnSpawn from 'process-on-spawn';

export const childCoverageVariable = 'CONNECTORMCP_CHILD_COVERAGE';

processOnSpawn.addListener((options) => {
  const directory = process.env[childCoverageVariable];
  // A test that sets NODE_V8_COVERAGE itself keeps its value; an empty one turns coverage off for that
  // child (writing it adds 0.1-0.4 s to the child's exit, which a test timing the exit may not want).
  if (!directory || 'NODE_V8_COVERAGE' in options.env) return;
  // Jest's own workers report their coverage to Jest; their raw V8 dumps would only cost time and disk.
  if (options.args.some((argument) => argument.includes('jest-worker'))) return;
  options.env.NODE_V8_COVERAGE = directory;
});
