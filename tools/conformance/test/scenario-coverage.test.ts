import { applicableScenarios, notApplicableScenarios } from './support/conformance-scenarios.js';
import { listServerScenarios } from './support/run-conformance-scenario.js';

describe('conformance scenarios', () => {
  it('every server scenario of the installed suite is either run or skipped with a reason', async () => {
    const known = await listServerScenarios();
    expect(known.length).toBeGreaterThan(20);
    const classified = [...applicableScenarios, ...Object.keys(notApplicableScenarios)];
    expect(known.filter((scenario) => !classified.includes(scenario))).toEqual([]);
    expect(classified.filter((scenario) => !known.includes(scenario))).toEqual([]);
    expect(applicableScenarios.filter((scenario) => scenario in notApplicableScenarios)).toEqual([]);
  });
});
